using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Preventiemonitor.Storage;

/// <summary>What one run of the migration runner did.</summary>
public sealed record MigrationReport(IReadOnlyList<string> Applied, int AlreadyApplied);
