using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Preventiemonitor.TestSupport;

/// <summary>A request as the local server saw it.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A small HTTP server on 127.0.0.1 with a free port (HttpListener). Every request is recorded before
/// the handler runs. Handlers that should hang can await <see cref="Stopping"/>, released on dispose.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, int, Task> _handler;
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _loop;
    private int _count;

    private LocalHttpServer(HttpListener listener, Uri baseUrl, Func<HttpListenerContext, int, Task> handler)
    {
        _listener = listener;
        _handler = handler;
        BaseUrl = baseUrl;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Completes when the server is being disposed.</summary>
    public Task Stopping => _stopping.Task;

    /// <summary>Starts a server; the handler gets the context and the 1-based number of the request.</summary>
    public static LocalHttpServer Start(Func<HttpListenerContext, int, Task> _handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            var _listener = new HttpListener();
            _listener.Prefixes.Add(prefix);
            try
            {
                _listener.Start();
                return new LocalHttpServer(_listener, new Uri(prefix), _handler);
            }
            catch (Exception e) when (e is HttpListenerException or System.Net.Sockets.SocketException && attempt < 50)
            {
                // Another process (the test assemblies run in parallel) took the port between probe and bind: try another.
                _listener.Close();
            }
        }
    }

    public Uri Url(string relative) => new(BaseUrl, relative);

    public async ValueTask DisposeAsync()
    {
        _stopping.TrySetResult();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The accept loop ends by the listener being stopped.
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _count);
            _requests.Enqueue(Record(context.Request));
            _ = Task.Run(() => HandleAsync(context, number));
        }
    }

    private async Task HandleAsync(HttpListenerContext context, int number)
    {
        try
        {
            await _handler(context, number).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The client went away (timeout test) or the server is stopping.
        }
    }

    private static RecordedRequest Record(HttpListenerRequest request)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in request.QueryString.AllKeys)
        {
            if (key is not null)
            {
                query[key] = request.QueryString[key] ?? string.Empty;
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in request.Headers.AllKeys)
        {
            if (key is not null)
            {
                headers[key] = request.Headers[key] ?? string.Empty;
            }
        }

        return new RecordedRequest(request.Url?.AbsolutePath ?? string.Empty, query, headers);
    }
}

/// <summary>Small helpers for handlers.</summary>
public static class ResponseExtensions
{
    public static async Task WriteAsync(this HttpListenerResponse response, int status, byte[] body, string contentType = "text/plain")
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
    }

    public static Task WriteAsync(this HttpListenerResponse response, int status, string body, string contentType = "text/plain") =>
        response.WriteAsync(status, System.Text.Encoding.UTF8.GetBytes(body), contentType);
}
