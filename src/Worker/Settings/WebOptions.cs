using System.Net;

namespace Preventiemonitor.Worker.Settings;

/// <summary>
/// Section <c>Web</c>, for running behind a TLS proxy: <c>AchterProxy</c> (true: X-Forwarded-For and
/// X-Forwarded-Proto of a trusted proxy count), <c>VertrouwdeProxies</c> (IP addresses or networks such as
/// <c>10.0.0.0/8</c>; empty: only a proxy on this machine), <c>Hsts</c> (true: Strict-Transport-Security on
/// https responses) and <c>HstsDagen</c> (its max-age in days, 1–730, default 365).
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public bool AchterProxy { get; set; }

    public List<string> VertrouwdeProxies { get; set; } = [];

    public bool Hsts { get; set; }

    public int HstsDagen { get; set; } = 365;

    /// <summary>The trusted proxies as addresses and networks (only valid entries; see <see cref="Problems"/>).</summary>
    public IEnumerable<IPNetwork> ProxyNetworks() =>
        VertrouwdeProxies.Select(Parse).Where(n => n is not null).Select(n => n!.Value);

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        foreach (var (proxy, index) in VertrouwdeProxies.Select((p, i) => (p, i)))
        {
            if (Parse(proxy) is null)
            {
                yield return ($"{nameof(VertrouwdeProxies)}:{index}", $"'{proxy}' is geen IP-adres of netwerk (bijvoorbeeld 10.0.0.5 of 10.0.0.0/8).");
            }
        }

        if (VertrouwdeProxies.Count > 0 && !AchterProxy)
        {
            yield return (nameof(VertrouwdeProxies), "heeft alleen zin met Web:AchterProxy = true; zet dat aan of laat deze lijst leeg.");
        }

        if (HstsDagen is < 1 or > 730)
        {
            yield return (nameof(HstsDagen), $"moet tussen 1 en 730 liggen, niet {HstsDagen}.");
        }
    }

    private static IPNetwork? Parse(string? value)
    {
        var text = (value ?? string.Empty).Trim();
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32);
        }

        return IPNetwork.TryParse(text, out var network) ? network : null;
    }
}
