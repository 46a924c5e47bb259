using CustomerSuccess.Core.Cli;
using CustomerSuccess.Core.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

// The CLI is an ordinary application of the library: one container, registered with AddCustomerSuccess().
var services = new ServiceCollection().AddCustomerSuccess().AddInMemoryStores().Services;
var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("cs-core");
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("Walk through the library: workspaces, views, a health score's lifecycle, and scoring a real portfolio (the Telco churn data) with an explanation and a churn backtest.");
    config.AddCommand<ScoreCommand>("score")
        .WithDescription("Score a CSV portfolio with a JSON health-score definition and print the portfolio statistics.")
        .WithExample("score", "--portfolio", "accounts.csv", "--definition", "score.json", "--id-column", "id");
    config.AddCommand<ExplainCommand>("explain")
        .WithDescription("Explain the score of one account (\"test a record\"): every criterion, its inputs and points, every group before and after its cap.");
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Validate a JSON health-score definition for activation and list every problem with its path.");
});
return await app.RunAsync(args).ConfigureAwait(false);
