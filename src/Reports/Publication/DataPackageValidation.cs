using System.Text.RegularExpressions;

namespace Preventiemonitor.Reports.Publication;

/// <summary>Checks a data package before it is written: names, keys, parameters, deliveries and licences (publicatie §6, Data Package v1).</summary>
internal static partial class DataPackageValidation
{
    public static void Validate(DataPackageContent content)
    {
        if (!NamePattern().IsMatch(content.Name))
        {
            throw new ArgumentException($"Pakketnaam '{content.Name}' mag alleen kleine letters, cijfers en - . _ / bevatten.", nameof(content));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(content.Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(content.MethodVersion);

        if (content.Files.Count == 0)
        {
            throw new ArgumentException("Een datapakket heeft minstens één CSV-bestand.", nameof(content));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in content.Files)
        {
            ArgumentNullException.ThrowIfNull(file.Spec);
            ArgumentNullException.ThrowIfNull(file.Csv);
            var spec = file.Spec;
            if (!NamePattern().IsMatch(spec.Name))
            {
                throw new ArgumentException($"Tabelnaam '{spec.Name}' is geen geldige resourcenaam.", nameof(content));
            }

            if (!names.Add(spec.Name))
            {
                throw new ArgumentException($"Tabel {spec.Name} staat twee keer in het datapakket.", nameof(content));
            }

            if (spec.Columns.Count == 0)
            {
                throw new ArgumentException($"Tabel {spec.Name} heeft geen kolommen.", nameof(content));
            }

            if (spec.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != spec.Columns.Count)
            {
                throw new ArgumentException($"Tabel {spec.Name} heeft dubbele kolomnamen.", nameof(content));
            }

            if (spec.PrimaryKey.Count == 0 || spec.PrimaryKey.Distinct(StringComparer.Ordinal).Count() != spec.PrimaryKey.Count)
            {
                throw new ArgumentException($"Tabel {spec.Name}: de primaire sleutel moet uit verschillende kolommen bestaan.", nameof(content));
            }

            foreach (var key in spec.PrimaryKey)
            {
                if (!spec.Has(key))
                {
                    throw new ArgumentException($"Tabel {spec.Name}: sleutelkolom '{key}' bestaat niet.", nameof(content));
                }
            }
        }

        var parameterNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in content.Parameters)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(parameter.Name);
            if (!parameterNames.Add(parameter.Name))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' staat er twee keer in.", nameof(content));
            }

            if (!double.IsFinite(parameter.Value))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' heeft geen eindige waarde.", nameof(content));
            }
        }

        var deliveryIds = new HashSet<long>();
        foreach (var delivery in content.Deliveries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(delivery.Source);
            if (!deliveryIds.Add(delivery.Id))
            {
                throw new ArgumentException($"Levering {delivery.Id} staat er twee keer in.", nameof(content));
            }

            if (!Sha256Pattern().IsMatch(delivery.Sha256))
            {
                throw new ArgumentException($"Levering {delivery.Id}: '{delivery.Sha256}' is geen SHA-256 in kleine hexadecimale letters.", nameof(content));
            }
        }

        foreach (var source in content.Sources)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(source.Title);
        }

        foreach (var license in content.Licenses)
        {
            if (!LicenseNamePattern().IsMatch(license.Name))
            {
                throw new ArgumentException($"Licentie '{license.Name}' is geen Open Definition-id.", nameof(content));
            }
        }
    }

    /// <summary>Data Package v1 name pattern for packages and resources.</summary>
    [GeneratedRegex(@"^[-a-z0-9._/]+\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex Sha256Pattern();

    /// <summary>Data Package v1 licence name pattern (an Open Definition licence id).</summary>
    [GeneratedRegex(@"^[-a-zA-Z0-9._]+\z")]
    private static partial Regex LicenseNamePattern();
}
