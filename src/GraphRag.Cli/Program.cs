using System.Globalization;
using GraphRag.Cli;

// Numbers in answers, reports, JSON and prompts read the same on every machine ("0.5", never "0,5"):
// the one executable runs with the invariant culture, which is why CA1305 is off (.editorconfig).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return await GraphRagCommandLine.Create().Parse(args).InvokeAsync();
