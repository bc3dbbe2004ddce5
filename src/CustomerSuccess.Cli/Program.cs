using System;
using System.IO;
using System.Text;
using CustomerSuccess.Cli;
using NodaTime;

// The one place the tool reads the real clock; everything below takes it from the environment.
#pragma warning disable RS0030
var clock = SystemClock.Instance;
#pragma warning restore RS0030

var utf8 = new UTF8Encoding(false);
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16);
var env = new CliEnvironment(stdout, Console.Error, clock, ErrorIsTerminal: !Console.IsErrorRedirected, OutIsTerminal: !Console.IsOutputRedirected)
{
    In = Console.OpenStandardInput(),
};
return await Tool.RunAsync(args, env).ConfigureAwait(false);
