import Foundation
import Testing

@testable import LCityServer
import LCityContent

@Suite("Preview server: Host check and listening address")
struct HostCheckTests {
    /// The allow-list of `serve --allowed-host Preview.Example.org.` on the default address.
    static let allowList = HostAllowList(listenHost: "127.0.0.1", allowedHosts: ["Preview.Example.org."])

    @Test(arguments: [
        "localhost", "LOCALHOST.", "localhost:8080", "localhost:", "app.localhost", "App.Localhost.:3000",
        "127.0.0.1", "127.0.0.1:8080", "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:80", "192.168.1.5", "192.168.1.5:8080",
        "preview.example.org", "PREVIEW.example.org.:8080", " localhost:8080\t", "\t127.0.0.1 ",
    ])
    func allowsThisMachineIPAddressesAndAllowedNames(_ host: String) {
        #expect(Self.allowList.allows(host))
    }

    @Test(arguments: [
        "evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example", "localhost.evil.example:80",
        "example.org", "other.preview.example.org", "", " ", ":8080", ".", "::1", "[::1", "[evil.example]:80",
        "[::1]x", "localhost:80x", "localhost:-1", "local host", "evil.example/localhost", "evil.example@localhost",
        "localhost\u{0}", "ｌｏｃａｌｈｏｓｔ", "localhost\u{3000}", "\u{A0}localhost", "local\thost",
    ])
    func refusesOtherNamesAndMalformedHeaders(_ host: String) {
        #expect(!Self.allowList.allows(host))
    }

    @Test func refusesAMissingHostHeader() {
        #expect(!Self.allowList.allows(nil))
    }

    @Test func allowsTheListeningAddressByName() {
        let byName = HostAllowList(listenHost: "MyBox.lan")
        #expect(byName.allows("mybox.lan:8080"))
        #expect(!byName.allows("preview.example.org"))
        #expect(HostAllowList(listenHost: "0.0.0.0").extraNames.isEmpty)
        #expect(HostAllowList(listenHost: "::").extraNames.isEmpty)
    }

    @Test func hostNamesAreLowercasedWithoutPortBracketsOrTrailingDot() {
        #expect(HostAllowList.hostName("App.Localhost.:8080") == "app.localhost")
        #expect(HostAllowList.hostName("[::1]:80") == "::1")
        #expect(HostAllowList.hostName("192.168.1.5") == "192.168.1.5")
        #expect(HostAllowList.hostName("http://evil.example/") == nil)
        #expect(HostAllowList.hostName("") == nil)
    }

    @Test func refusalSaysWhyAndWhatToDoInBothLanguages() {
        let url = "http://127.0.0.1:8080/"
        let named = Message.hostRefused("Evil.Example:8080", url: url)
        #expect(named.en.contains("'evil.example', which is not an allowed host name"))
        #expect(named.en.contains("Open http://127.0.0.1:8080/ instead") && named.en.contains("--allowed-host evil.example."))
        #expect(named.zh.contains("Host 头为“evil.example”，不是允许的主机名（用于防范 DNS 重绑定攻击）。"))
        #expect(named.zh.contains("请改为打开 http://127.0.0.1:8080/；") && named.zh.hasSuffix("--allowed-host evil.example。"))
        let missing = Message.hostRefused(nil, url: url)
        #expect(missing == Message.hostRefused(" ", url: url))
        #expect(missing.en.contains("it has no Host header") && missing.zh.contains("请求没有 Host 头"))
        // A malformed header is quoted back in printable ASCII only, and no --allowed-host is suggested for it.
        let malformed = Message.hostRefused("a b\u{7}<x>", url: url)
        #expect(malformed.en.contains("its Host header 'a b<x>' is not a host name") && !malformed.en.contains("--allowed-host"))
        #expect(malformed.zh.contains("Host 头“a b<x>”不是有效的主机名"))
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "localhost", "LocalHost."])
    func loopbackAddressesNeedNoWarning(_ host: String) {
        #expect(ListenAddress(host).isLoopback)
        #expect(ListenAddress(host).exposureWarning == nil)
        #expect(ListenAddress(host).everyInterfaceNote(port: 8080) == nil)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.5", "10.0.0.2", "128.0.0.1", "fe80::1", "::ffff:192.168.1.5", "mybox.lan", "app.localhost"])
    func otherAddressesAreWarnedAbout(_ host: String) throws {
        let warning = try #require(ListenAddress(host).exposureWarning)
        #expect(warning.en.hasPrefix("warning: --host \(host) is not a loopback address"))
        for words in ["other machines on the network can reach the preview", "no authentication", "drafts", "trusted network"] {
            #expect(warning.en.contains(words))
        }
        #expect(warning.zh.hasPrefix("警告：--host \(host) 不是本机回环地址，"))
        #expect(warning.zh.contains("没有任何身份验证") && warning.zh.contains("草稿") && warning.zh.contains("可信的网络"))
    }

    @Test func everyInterfaceIsOpenedOnThisMachinesLoopbackAddress() throws {
        #expect(ListenAddress("0.0.0.0").url(port: 8080) == "http://127.0.0.1:8080/")
        #expect(ListenAddress("::").url(port: 8081) == "http://[::1]:8081/")
        #expect(ListenAddress("::1").url(port: 8080) == "http://[::1]:8080/")
        #expect(ListenAddress("192.168.1.5").url(port: 8080) == "http://192.168.1.5:8080/")
        #expect(ListenAddress("localhost").url(port: 8080) == "http://localhost:8080/")
        let note = try #require(ListenAddress("0.0.0.0").everyInterfaceNote(port: 8080))
        #expect(note.en.contains("http://<this machine's IP address>:8080/") && note.en.contains("--allowed-host NAME"))
        #expect(note.zh.contains("http://<本机 IP 地址>:8080/") && note.zh.contains("--allowed-host"))
        #expect(ListenAddress("192.168.1.5").everyInterfaceNote(port: 8080) == nil)
        #expect(ListenAddress("::").isEveryInterface)
    }
}
