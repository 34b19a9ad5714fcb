using GraphRag.Cli;

return await GraphRagCommandLine.Create().Parse(args).InvokeAsync();
