import Foundation
import Synchronization

/// Maps `items` on all cores, keeping their order: a fork–join loop that returns only when every item is done.
///
/// `progress` is called with (items done, items in all) from any thread, after each chunk.
package func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], progress: (@Sendable (Int, Int) -> Void)? = nil, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let count = items.count
    guard count > 0 else { return [] }
    let buffer = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    buffer.initialize(repeating: nil)
    defer {
        buffer.deinitialize()
        buffer.deallocate()
    }
    // Each index is written by exactly one iteration, and read only after concurrentPerform has returned.
    nonisolated(unsafe) let results = buffer
    let done = Atomic<Int>(0)
    // Small chunks, so that no core waits long for the last one (items take a few milliseconds at most).
    let chunk = max(1, min(32, count / (ProcessInfo.processInfo.activeProcessorCount * 8)))
    let chunks = (count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
        let range = (chunkIndex * chunk)..<min(count, (chunkIndex + 1) * chunk)
        for index in range { results[index] = transform(items[index]) }
        if let progress {
            let total = done.add(range.count, ordering: .relaxed).newValue
            progress(total, count)
        }
    }
    return buffer.map { $0! }
}

/// Runs `background` on a thread of its own while `foreground` runs on the calling thread, and returns both
/// results once both are done: two jobs of different kinds (the pages on all cores, the downloads' long serial
/// parts) sharing the cores instead of following each other.
package func concurrently<Foreground, Background: Sendable>(
    _ foreground: () -> Foreground, beside background: @escaping @Sendable () -> Background
) -> (Foreground, Background) {
    let result = ResultBox<Background>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let value = background()
        result.value.withLock { $0 = value }
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    let first = foreground()
    done.wait()
    return (first, result.value.withLock { $0! })
}

/// A result handed from one thread to another.
private final class ResultBox<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
}
