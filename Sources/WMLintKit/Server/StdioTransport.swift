import Dispatch
import Synchronization

/// `wmlint server` over standard input and output.
public enum LanguageServerStdio {
    /// Serves one client until `exit` or the end of standard input; returns the exit status (0 after `shutdown`
    /// then `exit`, else 1).
    ///
    /// Only protocol messages reach standard output: the descriptor is kept for them alone, and standard output
    /// itself is pointed at standard error, so that nothing else written there can break the stream.
    public static func run() -> Int32 {
        guard let output = ServerDescriptors.takeStandardOutput() else { return 1 }
        let queue = MessageQueue()
        let reader = DispatchQueue(label: "wmlint.server.reader")
        reader.async { readMessages(into: queue) }
        // A client that has gone is noticed on the next read, so a failed write is not reported.
        let server = LanguageServer { body in ServerDescriptors.writeAll(FrameReader.frame(body), to: output) }
        while server.exitStatus == nil {
            guard let item = queue.next() else { break }
            switch item {
            case .message(let message): server.receive(message, isCancelled: queue.takeCancellation)
            case .malformed(let body): server.receive(body)
            case .badFrame(let reason): server.rejectFrame(reason)
            }
            // Lint once no message is waiting: a burst of edits is linted once, at its end.
            if server.exitStatus == nil && queue.isEmpty { server.flush() }
        }
        return server.exitStatus ?? (server.isShutDown ? 0 : 1)
    }

    /// Reads frames from standard input until its end, parsing each body.
    private static func readMessages(into queue: MessageQueue) {
        var frames = FrameReader()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = ServerDescriptors.readStandardInput(into: &chunk)
            if count <= 0 { break }
            frames.append(chunk[0..<count])
            while let frame = frames.next() {
                switch frame {
                case .message(let body):
                    switch JSONValue.parse(body) {
                    case .success(let message): queue.push(message)
                    case .failure: queue.push(.malformed(body))
                    }
                case .malformed(let reason): queue.push(.badFrame(reason))
                }
            }
        }
        queue.close()
    }
}

/// The messages read and not yet handled, shared by the reader and the main loop.
final class MessageQueue: Sendable {
    enum Item: Sendable {
        case message(JSONValue)
        /// A body that is not JSON.
        case malformed([UInt8])
        /// A header that could not be read.
        case badFrame(String)
    }

    private struct State {
        var items: [Item] = []
        var head = 0
        var isClosed = false
        /// Ids of requests cancelled before they were handled.
        var cancelled: Set<JSONValue> = []
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    func push(_ message: JSONValue) {
        if message["method"]?.stringValue == "$/cancelRequest", let id = message["params"]?["id"] {
            state.withLock { _ = $0.cancelled.insert(id) }
            return
        }
        push(.message(message))
    }

    func push(_ item: Item) {
        state.withLock { $0.items.append(item) }
        available.signal()
    }

    func close() {
        state.withLock { $0.isClosed = true }
        available.signal()
    }

    /// The next item, waiting for one; `nil` once the input ended and every item was taken.
    func next() -> Item? {
        while true {
            let item: Item?? = state.withLock { state in
                if state.head < state.items.count {
                    let item = state.items[state.head]
                    state.head += 1
                    if state.head == state.items.count {
                        state.items.removeAll(keepingCapacity: true)
                        state.head = 0
                    }
                    return .some(item)
                }
                return state.isClosed ? .some(nil) : nil
            }
            if let item { return item }
            available.wait()
        }
    }

    var isEmpty: Bool { state.withLock { $0.head == $0.items.count } }

    /// Whether the request `id` was cancelled; forgets it.
    func takeCancellation(_ id: JSONValue) -> Bool {
        state.withLock { $0.cancelled.remove(id) != nil }
    }
}
