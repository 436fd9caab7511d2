namespace Preventiemonitor.Model.Scoring;

/// <summary>The sign-adjusted difference of one participant (methode-v1 §1): d = s_i · (T1 − T0), positive = improvement.</summary>
public static class PairedDifference
{
    public static decimal Of(decimal t0, decimal t1, ReferenceData.Richting richting) =>
        richting == ReferenceData.Richting.HogerBeter ? t1 - t0 : t0 - t1;
}
