using System;
using System.Threading;
using CustomerSuccess.Core.Cli.Infrastructure;

// The CLI is an ordinary application of the library (one container, AddCustomerSuccess().AddInMemoryStores(); the
// demo builds its own on the EF Core store),
// with the conventions of CliApplication: strict parsing, results on stdout, problems on stderr, documented exit codes.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await CliApplication.RunAsync(args, CliConsole.ForProcess(), cancellationToken: cancellation.Token).ConfigureAwait(false);
