import Foundation
import Testing

/// Configuration and suppressions end to end: `testdata/config/` holds a `.wmlint.yaml` (region, account, policy
/// bounds, severities, `off`, exclude, ignore) and a script with suppression comments; the report of
/// `wmlint check .` there equals `testdata/config/report.text.golden`, and naming the excluded file changes nothing.
@Suite struct ConfigGoldenTests {
    @Test func configurationAndSuppressions() throws {
        let directory = TestSupport.root + "/testdata/config"
        let run = try TestSupport.run(["check", "."], in: directory)
        #expect(run.status == 1)
        TestSupport.assertGolden(run.stdout, path: "testdata/config/report.text.golden")
        let excluded = try TestSupport.run(["check", "vendor/broken.sh"], in: directory)
        #expect(excluded.status == 0)
        #expect(excluded.stdout.isEmpty)
        let ignored = try TestSupport.run(["check", "--no-config", "vendor/broken.sh"], in: directory)
        #expect(ignored.status == 1, "without the configuration the excluded file is checked")
    }
}
