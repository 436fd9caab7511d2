namespace Preventiemonitor.Reports.Disclosure;

/// <summary>Why a cell is emptied.</summary>
public enum EmptiedBy
{
    /// <summary>The primary rule: a count of 1 … k_min − 1 people.</summary>
    Primary,

    /// <summary>Secondary suppression: emptied so that no primary count can be worked out.</summary>
    Secondary,
}
