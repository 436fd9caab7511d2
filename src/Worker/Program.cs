using Preventiemonitor.Worker.Cli;

return await WorkerCommandLine.RunAsync(args).ConfigureAwait(false);
