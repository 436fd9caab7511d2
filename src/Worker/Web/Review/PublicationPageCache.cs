using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Worker.Web.Review;

/// <summary>
/// The parsed tables of the last few publications viewed. A publication's files are never changed after it is
/// stored, so its tables can be kept; what can change (its status) and the catalogue are read on every request.
/// A national publication's CSVs take a noticeable time to read and parse, every page of it needs them.
/// </summary>
public sealed class PublicationPageCache
{
    /// <summary>How many publications are kept (the least recently used goes first).</summary>
    public const int Capacity = 4;

    private readonly Lock _gate = new();
    private readonly LinkedList<(long Id, Lazy<Task<PublicationPageData>> Data)> _entries = new();

    /// <summary>The page data of the publication: its tables from the cache or read now, with the given summary and catalogue.</summary>
    public async Task<PublicationPageData> GetAsync(PublicationReader reader, PublicationSummary publication, ReferenceCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(publication);
        Lazy<Task<PublicationPageData>> load;
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && node.Value.Id != publication.Id)
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _entries.Remove(node);
                load = node.Value.Data;
            }
            else
            {
                // Read outside the lock, without the request's token: other requests may wait for the same tables.
                load = new Lazy<Task<PublicationPageData>>(() => PublicationPageData.LoadAsync(reader, publication, catalog, CancellationToken.None));
                if (_entries.Count >= Capacity)
                {
                    _entries.RemoveLast();
                }
            }

            _entries.AddFirst((publication.Id, load));
        }

        try
        {
            return (await load.Value.WaitAsync(ct).ConfigureAwait(false)).For(publication, catalog);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            Forget(publication.Id, load);
            throw;
        }
    }

    private void Forget(long id, Lazy<Task<PublicationPageData>> load)
    {
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && !(node.Value.Id == id && node.Value.Data == load))
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _entries.Remove(node);
            }
        }
    }
}
