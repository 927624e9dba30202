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
