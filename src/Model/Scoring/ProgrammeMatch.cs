
namespace Preventiemonitor.Model.Scoring;

/// <summary>A programme matched to a national intervention (methode-v1 §5a); one row of interventie_matches.</summary>
public sealed record ProgrammeMatch(
    string Gemeente,
    string ProgrammaId,
    string InterventieId,
    string InterventieNaam,
    string Databank,
    string Match,
    string ErkenningLokaal,
    string ErkenningLandelijk,
    bool Afwijking);
