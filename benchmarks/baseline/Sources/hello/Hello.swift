import ArgumentParser

/// `hello check [PATH…]`: the same command shape as `wmlint check`, printing one line.
@main
struct Hello: ParsableCommand {
    static let configuration = CommandConfiguration(
        subcommands: [Check.self], defaultSubcommand: Check.self)
}

struct Check: ParsableCommand {
    @Argument(help: "Paths.")
    var paths: [String] = []

    func run() throws {
        print("hello, \(paths.count) path(s)")
    }
}
