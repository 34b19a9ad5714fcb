namespace GraphRag.Cli;

/// <summary>A failure whose message is the whole story for the user: printed without a stack trace.</summary>
public sealed class UserFacingException(string message) : Exception(message);
