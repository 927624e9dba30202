/// Tells the open pages (Server-Sent Events clients) that the site was rebuilt.
actor ReloadBroadcaster {
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    /// A stream of events for one client; it ends when the client goes away.
    func subscribe() -> AsyncStream<String> {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        clients[id] = continuation
        return stream
    }

    private func remove(_ id: Int) {
        clients[id] = nil
    }

    /// Sends `event` to every client.
    func broadcast(_ event: String) {
        for continuation in clients.values { continuation.yield(event) }
    }

    /// Ends every stream (shutdown).
    func finishAll() {
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }

    var clientCount: Int { clients.count }
}
