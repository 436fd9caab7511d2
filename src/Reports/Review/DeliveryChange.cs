namespace Preventiemonitor.Reports.Review;

/// <summary>
/// A delivery that a publication uses and the previous one did not (<c>Soort</c> "nieuw", or "vervangt" with
/// the file it took the place of for the same municipality and dataset), or that it no longer uses ("vervallen").
/// </summary>
public sealed record DeliveryChange(string Soort, string Bestand, string? Gemeente, string? Dataset, string? Vervangt);
