using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// <see cref="PublicationDisclosure"/> when the disclosure engine itself fails: the publication is refused
/// with a Dutch <see cref="PublicationException"/> that carries the engine's exception for the log.
/// </summary>
public sealed class PublicationDisclosureTests
{
    [Fact]
    public void An_engine_failure_refuses_the_publication_and_keeps_the_engine_exception_as_inner()
    {
        PublishedTable[] tables =
        [
            PublicationTables.Programmas.NewTable(),
            PublicationTables.Effecten.NewTable(),
            PublicationTables.ScoresProgrammaThema.NewTable(),
            PublicationTables.ScoresGemeenteThema.NewTable(),
        ];
        var failure = new InvalidOperationException("Proefstoring in de controle.");

        var e = Assert.Throws<PublicationException>(() => PublicationDisclosure.Protect(tables, 10, 10, _ => throw failure));

        Assert.StartsWith("De publicatie is niet geschreven: de controle op kleine aantallen (onthulling-v2) kon niet worden uitgevoerd.", e.Message);
        Assert.EndsWith("Proefstoring in de controle.", e.Message);
        Assert.Same(failure, e.InnerException);
        Assert.Equal(Model.UserInputException.InputExitCode, e.ExitCode);
    }
}
