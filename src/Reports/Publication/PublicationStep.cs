namespace Preventiemonitor.Reports.Publication;

/// <summary>The steps of a publication, in order, as <see cref="PublicationService"/> reports them when each starts.</summary>
public enum PublicationStep
{
    /// <summary>Reading the score run's tables from the database.</summary>
    Reading,

    /// <summary>Disclosure control: the primary rule, the secondary suppression and its audit.</summary>
    Disclosure,

    /// <summary>Writing the CSVs, the workbook and datapackage.json (in memory).</summary>
    Rendering,

    /// <summary>Writing the files to a temporary folder.</summary>
    Writing,

    /// <summary>Storing the publication with every file's bytes and the audit in one transaction.</summary>
    Storing,

    /// <summary>Moving the folder into place.</summary>
    Finishing,
}
