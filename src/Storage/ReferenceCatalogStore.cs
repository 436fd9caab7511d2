using Dapper;
using Npgsql;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Storage;

/// <summary>Loads the reference data of the contract from the tables seeded by the migrations.</summary>
public sealed class ReferenceCatalogStore(NpgsqlDataSource dataSource)
{
    private const string SelectRegio = "SELECT code, naam FROM regio ORDER BY code LIMIT 1";
    private const string SelectGemeenten = "SELECT code, naam, volgorde FROM gemeente ORDER BY volgorde";
    private const string SelectThemas = "SELECT code, naam, volgorde FROM thema ORDER BY volgorde";
    private const string SelectLeeftijdsgroepen = "SELECT code, van, tot, volgorde FROM leeftijdsgroep ORDER BY volgorde";
    private const string SelectErkenningen = "SELECT code, label, rang FROM erkenning ORDER BY rang";
    private const string SelectInstrumenten = """
        SELECT code, naam, thema, richting, min, max, volgorde FROM instrument ORDER BY volgorde
        """;

    public async Task<ReferenceCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        CommandDefinition Q(string sql) => new(sql, cancellationToken: cancellationToken);

        var regio = await connection.QuerySingleAsync<Regio>(Q(SelectRegio)).ConfigureAwait(false);
        var gemeenten = await connection.QueryAsync<Gemeente>(Q(SelectGemeenten)).ConfigureAwait(false);
        var themas = await connection.QueryAsync<Thema>(Q(SelectThemas)).ConfigureAwait(false);
        var groepen = await connection.QueryAsync<Leeftijdsgroep>(Q(SelectLeeftijdsgroepen)).ConfigureAwait(false);
        var erkenningen = await connection.QueryAsync<Erkenning>(Q(SelectErkenningen)).ConfigureAwait(false);
        var instrumenten = (await connection.QueryAsync<InstrumentRow>(Q(SelectInstrumenten)).ConfigureAwait(false))
            .Select(r => new Instrument(r.Code, r.Naam, r.Thema, Instrument.ParseRichting(r.Richting), r.Min, r.Max, r.Volgorde));
        return new ReferenceCatalog(regio, gemeenten, themas, groepen, erkenningen, instrumenten);
    }

    private sealed record InstrumentRow(string Code, string Naam, string Thema, string Richting, decimal Min, decimal Max, int Volgorde);
}
