import Synchronization
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `handler` on SIGINT or SIGTERM while it is the innermost armed trap (an apply's graceful stop takes over
/// from the lock's release-and-exit); a second signal, or a signal while no trap is armed, exits at once with 130.
/// (On Linux, libdispatch receives signals through its own handler: the action must not be set to SIG_IGN.)
final class InterruptTrap: @unchecked Sendable {
    private static let registry = Registry()
    private let id: Int

    init(_ handler: @escaping @Sendable () -> Void) {
        id = Self.registry.push(handler)
    }

    /// Disarms the trap.
    func cancel() { Self.registry.remove(id) }

    private final class Registry: @unchecked Sendable {
        private let lock = Mutex(())
        private var handlers: [(id: Int, handler: @Sendable () -> Void)] = []
        private var nextID = 0
        private var signals = 0
        private var sources: [DispatchSourceSignal] = []

        func push(_ handler: @escaping @Sendable () -> Void) -> Int {
            lock.withLock { _ in
                if sources.isEmpty { install() }
                nextID += 1
                handlers.append((nextID, handler))
                return nextID
            }
        }

        func remove(_ id: Int) {
            lock.withLock { _ in handlers.removeAll { $0.id == id } }
        }

        private func install() {
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [unowned self] in self.fire() }
                source.resume()
                sources.append(source)
            }
        }

        private func fire() {
            let handler = lock.withLock { _ -> (@Sendable () -> Void)? in
                signals += 1
                return signals > 1 ? nil : handlers.last?.handler
            }
            guard let handler else { exit(130) }
            handler()
        }
    }
}
