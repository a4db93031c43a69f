using Serilog.Core;
using Serilog.Events;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// The app's log events, kept only while a test records: how a test sees what the product logged (the request log's
/// status, for one). Given to the app's Serilog pipeline as a sink by <see cref="ClusterpactApp"/>.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<LogEvent> _events = [];
    private bool _recording;

    /// <summary>Records the events until the returned scope is disposed; what was recorded before is dropped.</summary>
    public IDisposable Record()
    {
        lock (_events) { _events.Clear(); _recording = true; }
        return new Stop(this);
    }

    public IReadOnlyList<LogEvent> Events { get { lock (_events) return _events.ToList(); } }

    public void Emit(LogEvent logEvent)
    {
        lock (_events) if (_recording) _events.Add(logEvent);
    }

    private sealed class Stop(LogCapture log) : IDisposable
    {
        public void Dispose()
        {
            lock (log._events) log._recording = false;
        }
    }
}
