using Hangfire.PostgreSql;
using Npgsql;

namespace Preventiemonitor.Worker.Web;

/// <summary>Hangfire takes its connections from the program's one data source.</summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
