using System.Runtime.InteropServices;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The facts of a directory entry that decide whether it may be taken as a delivery: its kind (never
/// following a symbolic link), size and modification time. On Linux from <c>statx(2)</c>, whose record
/// layout is the same on every architecture (.NET shows a FIFO as an ordinary file, and opening one to
/// find out would block); elsewhere from <see cref="FileSystemInfo"/>.
/// </summary>
public sealed record LocalFile(LocalFileKind Kind, long Size, long ModifiedTicks)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    public static LocalFile Stat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return OperatingSystem.IsLinux() ? StatLinux(path) : StatPortable(path);
    }

    private static LocalFile StatLinux(string path)
    {
        var buffer = new byte[256];
        if (NativeMethods.Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            return new LocalFile(LocalFileKind.Missing, 0, 0);
        }

        // struct statx: stx_mode (u16) at 28, stx_size (u64) at 40, stx_mtime {i64 sec, u32 nsec} at 112.
        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        var kind = mode switch
        {
            0x8000 => LocalFileKind.Regular,
            0x4000 => LocalFileKind.Directory,
            0xA000 => LocalFileKind.SymbolicLink,
            _ => LocalFileKind.Other,
        };
        var ticks = (BitConverter.ToInt64(buffer, 112) * TimeSpan.TicksPerSecond) + (BitConverter.ToUInt32(buffer, 120) / 100);
        return new LocalFile(kind, BitConverter.ToInt64(buffer, 40), ticks);
    }

    private static LocalFile StatPortable(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            return new LocalFile(LocalFileKind.Missing, 0, 0);
        }

        var kind = info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? LocalFileKind.SymbolicLink
            : info is DirectoryInfo ? LocalFileKind.Directory
            : info.Attributes.HasFlag(FileAttributes.Device) ? LocalFileKind.Other
            : LocalFileKind.Regular;
        return new LocalFile(kind, info is FileInfo f ? f.Length : 0, info.LastWriteTimeUtc.Ticks);
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
