using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker.Pages;

/// <summary>The method in plain Dutch, with the parameters this installation is configured with (section <c>Methode</c>).</summary>
public sealed class MethodeModel(IOptions<MethodOptions> options) : PageModel
{
    public MethodParameters Parameters { get; } = options.Value.ToParameters();

    /// <summary>A weight as a Dutch percentage: 0.4 → "40%", 0.375 → "37,5%".</summary>
    public static string Percentage(double weight)
    {
        var percent = weight * 100;
        return OutputRounding.FormatDutch(percent, Math.Abs(percent - Math.Round(percent)) < 1e-9 ? 0 : 1) + "%";
    }

    public static string Number(double value, int decimals) => OutputRounding.FormatDutch(value, decimals);
}
