import Foundation

/// Maps work across the machine's cores, keeping the input order, and stops at the first error.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        progress: (@Sendable (Int, Int) -> Void)?,
        _ transform: @Sendable (Input) throws -> Output
    ) throws -> [Output] {
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            guard !results.failed else { return }
            do {
                results.store(try transform(inputs[index]), at: index)
                if let progress { progress(results.finished, inputs.count) }
            } catch {
                results.fail(error)
            }
        }
        return try results.values()
    }

    /// Runs two pieces of work at once and returns both results, or the first one's error.
    /// `second` runs on a thread of its own and `first` on the calling thread, so `first` can
    /// still map across every core (a map inside a map would run on one).
    static func both<First: Sendable, Second: Sendable>(
        _ first: () throws -> First,
        _ second: @escaping @Sendable () throws -> Second
    ) throws -> (First, Second) {
        let secondResult = ResultSlots<Second>(count: 1)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { secondResult.store(try second(), at: 0) } catch { secondResult.fail(error) }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let firstResult = Result { try first() }
        done.wait()
        return (try firstResult.get(), try secondResult.values()[0])
    }
}

/// Results written by many threads, each slot by one, behind a lock.
private final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Output?]
    private var error: (any Error)?
    private var done = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    var failed: Bool { lock.withLock { error != nil } }
    var finished: Int { lock.withLock { done } }

    func store(_ value: Output, at index: Int) {
        lock.withLock {
            slots[index] = value
            done += 1
        }
    }

    func fail(_ error: any Error) {
        lock.withLock {
            if self.error == nil { self.error = error }
        }
    }

    func values() throws -> [Output] {
        try lock.withLock {
            if let error { throw error }
            return slots.map { $0! }
        }
    }
}
