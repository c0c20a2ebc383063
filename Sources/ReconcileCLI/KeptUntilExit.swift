/// Values a command keeps until the process exits instead of freeing them as it returns: tearing down a loaded
/// bundle of thousands of resources node by node takes time (about 5% of `validate` at 5000 synced tables) and
/// gives nothing back to a process that is about to end.
enum KeptUntilExit {
    /// Keeps `value` (its storage is never released).
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Held> {
        let value: Held
        init(_ value: Held) { self.value = value }
    }
}
