using Google.OrTools.LinearSolver;
using Row = System.Collections.Generic.Dictionary<string, string>;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The reader of onthulling-v2 §1, written apart from the engine: reads the published CSV files of
/// one publication folder, writes down R1–R7 itself (every published non-integer known only to its
/// rounding; scores through product variables y = score_pt · deelnemers, exact for a rounded score)
/// and solves, with GLOP, min and max of every emptied count. What it knows of an emptied count
/// beyond the files comes from <c>knowledge(file, row, column)</c> (e.g. 1 … k_min − 1 for primary).
/// With <c>forget</c> it computes the baseline instead: every published count only known to be ≥ 0
/// (a published zero stays 0: zeros are never emptied),
/// the relations that need a published non-integer (scores, bereik_pct, effects) left out, the
/// emptied counts and the <c>reden</c> bounds kept. No upper bound is left infinite (GLOP reports an
/// unbounded maximum as infeasible): a maximum at <see cref="Cap"/> means unbounded.
/// </summary>
public sealed partial class LinearAttacker
{
    private const double Z = 1.959964;
    private const double Cap = 1e7;
    private readonly Solver _solver = Solver.CreateSolver("GLOP")!;
    private readonly Dictionary<string, Variable> _counts = [];
    private readonly List<(string File, string Row, string Column)> _emptied = [];
    private readonly List<IReadOnlyList<string>> _sums = [];
    private readonly Func<string, string, string, (double Low, double High)> _knowledge;

    private readonly bool _forget;

    private LinearAttacker(Func<string, string, string, (double, double)> knowledge, bool forget)
    {
        _knowledge = knowledge;
        _forget = forget;
    }

    public static IReadOnlyList<AttackedCell> Attack(
        string folder, int nMin, Func<string, string, string, (double Low, double High)> knowledge, bool forget = false)
    {
        var attacker = new LinearAttacker(knowledge, forget);
        try
        {
            attacker.WriteDown(folder, nMin);
            return attacker.SolveAll();
        }
        finally
        {
            attacker._solver.Dispose();
        }
    }

    /// <summary>
    /// The equality relations the attacker writes down for <paramref name="folder"/> (R1–R3, the sums of R8, R9 and R10):
    /// each as the cells it relates (<c>file[row].column</c>, the total first), published or emptied.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Sums(string folder, int nMin, Func<string, string, string, (double Low, double High)> knowledge)
    {
        var attacker = new LinearAttacker(knowledge, forget: false);
        try
        {
            attacker.WriteDown(folder, nMin);
            return attacker._sums;
        }
        finally
        {
            attacker._solver.Dispose();
        }
    }

    /// <summary>The id of a cell as <see cref="Sums"/> names it.</summary>
    public static string Id(AttackedCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Id(cell.File, cell.Row, cell.Column);
    }

    private void WriteDown(string folder, int nMin)
    {
        var programmes = PublishedCsv.Read(folder, "programmas");
        var instruments = PublishedCsv.Read(folder, "effecten");
        var programmeThemes = PublishedCsv.Read(folder, "scores_programma_thema");
        var areas = PublishedCsv.Read(folder, "scores_gemeente_thema");

        foreach (var p in programmes)
        {
            Count("programmas", p, "deelnemers");
        }

        foreach (var i in instruments)
        {
            var paren = Count("effecten", i, "paren");
            if (i["reden"] == "te_weinig_paren")
            {
                Between(paren, 1, nMin - 1);
            }

            EffectBound(paren, i, "g", "ci_laag", "ci_hoog");
        }

        var instrumentsOf = instruments.ToLookup(i => (i["gemeente"], i["programma_id"], i["thema"]));
        var products = new Dictionary<Row, Variable>();
        foreach (var pt in programmeThemes)
        {
            var paren = Count("scores_programma_thema", pt, "paren");
            var own = instrumentsOf[(pt["gemeente"], pt["programma_id"], pt["thema"])].ToList();
            if (own.Count > 0)
            {
                var sum = Row(0, double.PositiveInfinity, (paren, -1));
                foreach (var i in own)
                {
                    var instrument = _counts[Id("effecten", i["_key"], "paren")];
                    Row(double.NegativeInfinity, 0, (instrument, 1), (paren, -1));
                    sum.SetCoefficient(instrument, 1);
                }
            }

            if (MayHaveEffect(own) is [var only])
            {
                EffectBound(_counts[Id("effecten", only["_key"], "paren")], pt, "effect_g", "effect_ci_laag", "effect_ci_hoog");
            }

            if (_forget)
            {
                continue;
            }

            var d = _counts[Id("programmas", pt["gemeente"] + "|" + pt["programma_id"], "deelnemers")];
            var s = PublishedCsv.Number(pt["score"]);
            var y = _solver.MakeNumVar(0, double.PositiveInfinity, "y " + pt["_key"]);
            Row(0, double.PositiveInfinity, (y, 1), (d, -Math.Max(0, s - 0.05)));
            Row(double.NegativeInfinity, 0, (y, 1), (d, -(s + 0.05)));
            products[pt] = y;
        }

        var byTheme = programmeThemes.ToLookup(pt => pt["thema"]);
        foreach (var area in areas)
        {
            var regio = area["gemeente"] == "REGIO";
            var deelnemers = Count("scores_gemeente_thema", area, "deelnemers");
            var paren = Count("scores_gemeente_thema", area, "paren");
            var own = byTheme[area["thema"]].Where(pt => regio || pt["gemeente"] == area["gemeente"]).ToList();
            if (regio)
            {
                var municipalities = areas.Where(a => a["thema"] == area["thema"] && a["gemeente"] != "REGIO").ToList();
                Sum(deelnemers, municipalities.Select(a => _counts[Id("scores_gemeente_thema", a["_key"], "deelnemers")]));
                Sum(paren, municipalities.Select(a => _counts[Id("scores_gemeente_thema", a["_key"], "paren")]));
            }
            else
            {
                Sum(deelnemers, own.Select(pt => _counts[Id("programmas", pt["gemeente"] + "|" + pt["programma_id"], "deelnemers")]));
                Sum(paren, own.Select(pt => _counts[Id("scores_programma_thema", pt["_key"], "paren")]));
            }

            if (area["score"] != "" && !_forget)
            {
                var score = PublishedCsv.Number(area["score"]);
                var low = Row(0, double.PositiveInfinity, (deelnemers, -(score - 0.05)));
                var high = Row(double.NegativeInfinity, 0, (deelnemers, -(score + 0.05)));
                foreach (var pt in own)
                {
                    low.SetCoefficient(products[pt], 1);
                    high.SetCoefficient(products[pt], 1);
                }
            }

            var bevolking = area["bevolking_0_23"] == "" ? 0 : PublishedCsv.Number(area["bevolking_0_23"]);
            if (area["bereik_pct"] != "" && bevolking > 0 && !_forget)
            {
                var bereik = PublishedCsv.Number(area["bereik_pct"]);
                Between(deelnemers, (bereik - 0.05) * bevolking / 100, (bereik + 0.05) * bevolking / 100);
            }

            // k = 1: the pooled effect is that of the one programme with an effect; when that rests on one instrument, R7.
            var withEffect = own.Where(pt => pt["effect_g"] != "" || (pt["onderdrukt"] == "true"
                && MayHaveEffect(instrumentsOf[(pt["gemeente"], pt["programma_id"], pt["thema"])].ToList()).Count > 0)).ToList();
            if (area["k"] == "1" && withEffect is [var single]
                && MayHaveEffect(instrumentsOf[(single["gemeente"], single["programma_id"], single["thema"])].ToList()) is [var instrument])
            {
                EffectBound(_counts[Id("effecten", instrument["_key"], "paren")], area, "effect_g", "effect_ci_laag", "effect_ci_hoog");
            }
        }

        if (File.Exists(Path.Combine(folder, "effecten_doelgroep.csv")))
        {
            WriteDownMethodeV2(folder, nMin, programmes, instruments, programmeThemes);
        }
    }

    /// <summary>Instrument rows that may carry an effect: not <c>te_weinig_paren</c> or <c>geen_spreiding</c>.</summary>
    private static List<Row> MayHaveEffect(List<Row> instruments) => instruments.Where(i => i["reden"] == "").ToList();

    private IReadOnlyList<AttackedCell> SolveAll()
    {
        var result = new List<AttackedCell>();
        foreach (var (file, row, column) in _emptied)
        {
            var variable = _counts[Id(file, row, column)];
            result.Add(new AttackedCell(file, row, column, Optimise(variable, false), Optimise(variable, true)));
        }

        return result;
    }

    private double Optimise(Variable variable, bool maximise)
    {
        var objective = _solver.Objective();
        objective.Clear();
        objective.SetCoefficient(variable, 1);
        objective.SetOptimizationDirection(maximise);
        var status = _solver.Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value() >= Cap * (1 - 1e-9) ? double.PositiveInfinity : objective.Value(),
            Solver.ResultStatus.UNBOUNDED => double.PositiveInfinity,
            _ => throw new InvalidOperationException($"Attacker LP for {variable.Name()}: {status}"),
        };
    }

    private Variable Count(string file, Row row, string column)
    {
        var id = Id(file, row["_key"], column);
        Variable variable;
        if (row[column] == "")
        {
            var (low, high) = _knowledge(file, row["_key"], column);
            variable = _solver.MakeNumVar(low, Math.Min(high, Cap), id);
            _emptied.Add((file, row["_key"], column));
        }
        else
        {
            var value = PublishedCsv.Number(row[column]);
            variable = _forget && value != 0 ? _solver.MakeNumVar(0, Cap, id) : _solver.MakeNumVar(value, value, id);
        }

        _counts[id] = variable;
        return variable;
    }

    private void EffectBound(Variable count, Row row, string g, string ciLow, string ciHigh)
    {
        if (_forget || row[g] == "" || row[ciLow] == "" || row[ciHigh] == "")
        {
            return;
        }

        const double h = 0.0005;
        var gv = PublishedCsv.Number(g == "" ? "0" : row[g]);
        var width = PublishedCsv.Number(row[ciHigh]) - PublishedCsv.Number(row[ciLow]);
        var gAbsMin = Math.Max(0, Math.Abs(gv) - h);
        var gAbsMax = Math.Abs(gv) + h;
        var seMax = (width + 2 * h) / (2 * Z);
        var seMin = Math.Max(0, width - 2 * h) / (2 * Z);
        var low = (1 + gAbsMin * gAbsMin / 2) / (seMax * seMax);
        var high = seMin > 0 ? (1 + gAbsMax * gAbsMax / 2) / (seMin * seMin) : double.PositiveInfinity;
        Between(count, low * (1 - 1e-9), high * (1 + 1e-9));
    }

    private void Between(Variable variable, double low, double high) => Row(low, high, (variable, 1));

    private void Sum(Variable total, IEnumerable<Variable> parts)
    {
        var row = Row(0, 0, (total, -1));
        var cells = new List<string> { total.Name() };
        foreach (var part in parts)
        {
            row.SetCoefficient(part, row.GetCoefficient(part) + 1);
            cells.Add(part.Name());
        }

        _sums.Add(cells);
    }

    private Constraint Row(double low, double high, params (Variable Variable, double Coefficient)[] terms)
    {
        var row = _solver.MakeConstraint(low, high);
        foreach (var (variable, coefficient) in terms)
        {
            row.SetCoefficient(variable, row.GetCoefficient(variable) + coefficient);
        }

        return row;
    }

    private static string Id(string file, string row, string column) => $"{file}[{row}].{column}";
}
