import Foundation

// Messages of loading: reading files, YAML syntax, the shape of values, the fields of each file.

extension Message {
    // MARK: Files

    package static let fileEmpty = Message(en: "the file is empty", zh: "文件是空的")
    package static let fileMissing = Message(en: "the file is missing", zh: "文件不存在")
    package static let isAFolder = Message(en: "this is a folder, not a file", zh: "这是一个文件夹，不是文件")
    package static let renameTheFolder = Message(
        en: "content files are text files; rename or move the folder", zh: "内容文件是文本文件；请重命名或移走这个文件夹")
    package static let aNamedPipe = Message(en: "a named pipe (FIFO)", zh: "命名管道（FIFO）")
    package static let aDevice = Message(en: "a device", zh: "设备文件")
    package static let aSocket = Message(en: "a socket", zh: "套接字（socket）")
    package static func notARegularFile(_ what: Message) -> Message {
        Message(
            en: "this is \(what.en), not a regular file, so it is not read", zh: "这是\(what.zh)，不是普通文件，因此不读取")
    }
    package static let replaceWithTextFile = Message(
        en: "replace it with a text file or remove it", zh: "请换成文本文件，或者删除它")
    package static let permissionDenied = Message(
        en: "the file cannot be read: permission denied", zh: "无法读取文件：没有读取权限")
    package static func makeReadable(_ file: String) -> Message {
        Message(en: "make it readable (chmod a+r \(file))", zh: "请让文件可读（chmod a+r \(file)）")
    }
    package static func fileTooLarge(_ size: String, maximumMB: Int) -> Message {
        Message(
            en: "the file is too large (\(size)); content files may be at most \(maximumMB) MB",
            zh: "文件太大（\(size)）；内容文件最大 \(maximumMB) MB")
    }
    package static func cannotReadFile(_ reason: String) -> Message {
        Message(en: "cannot read the file: \(reason)", zh: "无法读取文件：\(reason)")
    }
    package static let fileIsUTF16 = Message(en: "the file is UTF-16 text, not UTF-8", zh: "文件是 UTF-16 编码的文本，不是 UTF-8")
    package static let saveAsUTF8FromUTF16 = Message(
        en: "save it as UTF-8 (some editors call UTF-16 'Unicode'; choose 'UTF-8' instead)",
        zh: "请另存为 UTF-8 编码（有些编辑器把 UTF-16 叫作“Unicode”，请改选“UTF-8”）")
    package static let notUTF8 = Message(en: "the file is not valid UTF-8", zh: "文件不是有效的 UTF-8 编码")
    package static let saveAsUTF8 = Message(
        en: "save it as UTF-8 (without a different encoding such as GBK or Latin-1)",
        zh: "请另存为 UTF-8 编码（不要用 GBK、Latin-1 等其他编码）")
    package static func controlCharacter(_ code: UInt32) -> Message {
        let name = "U+" + String(format: "%04X", code)
        return Message(
            en: "the text contains the invisible control character \(name), which web pages may not contain",
            zh: "文本中有不可见的控制字符 \(name)，网页中不能有这种字符")
    }
    package static let removeControlCharacter = Message(
        en: "delete it (such characters come with text copied from other programs; in YAML also check escapes such as \\0)",
        zh: "请删除它（这种字符常随着从其他程序复制的文本进来；在 YAML 中也请检查 \\0 之类的转义）")
    package static let linkLeavesSite = Message(
        en: "this is a link to a file outside the site folder; lcity-site reads only files inside the site folder",
        zh: "这是一个指向站点文件夹之外的链接；lcity-site 只读取站点文件夹中的文件")
    package static let brokenLink = Message(
        en: "this is a link to a file that does not exist", zh: "这是一个链接，但它指向的文件不存在")
    package static let replaceLinkWithFile = Message(
        en: "put the file itself in its place (copy it into the site folder instead of linking to it)",
        zh: "请把文件本身放在这里（复制到站点文件夹中，而不是链接过去）")

    // MARK: Folders

    package static func noContentFolder(_ path: String) -> Message {
        Message(en: "no content folder at \(path)", zh: "\(path) 处没有 content 文件夹")
    }
    package static let runInSiteFolder = Message(
        en: "run the command in the site folder, or pass --root DIR", zh: "请在站点文件夹中运行命令，或用 --root DIR 指定站点文件夹")
    package static func ignoringNonYAML(_ name: String) -> Message {
        Message(en: "ignoring '\(name)': city files end in .yaml", zh: "忽略“\(name)”：城市文件的扩展名是 .yaml")
    }
    package static func invalidCitySlug(_ slug: String) -> Message {
        Message(
            en: "'\(slug)' is not a valid city slug: use lowercase letters, digits and single hyphens",
            zh: "“\(slug)”不是有效的城市网址名：只能用小写字母、数字和单个连字符（-）")
    }
    package static let slugIsTheURL = Message(
        en: "the file name is the city's URL: /en/cities/<slug>/", zh: "文件名就是城市页面的网址：/en/cities/<slug>/")
    package static func pageFileName(languages: [String]) -> Message {
        Message(
            en: "page file names are <name>.<language>.md with a site language (\(languages.joined(separator: ", ")))",
            zh: "页面文件名应为 <名称>.<语言>.md，语言是本站的语言之一（\(languages.joined(separator: "、"))）")
    }
    package static func pageNameNotSlug(_ name: String) -> Message {
        Message(
            en: "'\(name)' is not a valid page name: use lowercase letters, digits and single hyphens",
            zh: "“\(name)”不是有效的页面名：只能用小写字母、数字和单个连字符（-）")
    }
    package static let pageNameIsTheURL = Message(
        en: "the name is the page's URL: content/pages/<name>.en.md is /en/<name>/",
        zh: "页面名就是网址：content/pages/<名称>.zh.md 对应 /zh/<名称>/")
    package static func pageNameTaken(_ name: String) -> Message {
        Message(
            en: "the page name '\(name)' is taken by a page the site generates (/<language>/\(name)/); rename the file",
            zh: "页面名“\(name)”已被本站自动生成的网页占用（/<语言>/\(name)/），请给文件改名")
    }
    package static func reservedPageNames(_ names: [String]) -> Message {
        Message(
            en: "names taken by generated pages: \(names.joined(separator: ", "))",
            zh: "已被自动生成的网页占用的名称：\(names.joined(separator: "、"))")
    }
    package static func cannotListFolder(_ reason: String) -> Message {
        Message(en: "cannot list the folder: \(reason)", zh: "无法列出文件夹的内容：\(reason)")
    }
    package static let noFrontMatter = Message(en: "the page has no front matter", zh: "页面没有页首信息（front matter）")
    package static let startWithFrontMatter = Message(
        en: "start the file with:\n---\ntitle: …\ndescription: …\n---",
        zh: "请在文件开头写：\n---\ntitle: …\ndescription: …\n---")

    // MARK: YAML syntax

    package static func tooManyNodes(_ maximum: Int) -> Message {
        Message(
            en: "the file stands for more than \(maximum.formatted()) values once its YAML aliases (*name) are expanded, so it is not read",
            zh: "展开 YAML 别名（*名称）后，文件表示的数值超过 \(maximum.formatted()) 个，因此不读取")
    }
    package static let writeOutAliases = Message(
        en: "write the values out instead of repeating them through aliases", zh: "请直接写出各个数值，不要用别名重复引用")
    package static func cannotReadYAML(_ error: String) -> Message {
        Message(en: "cannot read YAML: \(error)", zh: "无法读取 YAML：\(error)")
    }

    /// A syntax error of the YAML parser; its English problem text is translated when it is a common one.
    package static func yamlSyntaxError(_ problem: String) -> Message {
        Message(en: "YAML syntax error: \(problem)", zh: "YAML 语法错误：\(yamlPhrase(problem))")
    }

    /// Where the parser was when it found the problem: `while parsing a block mapping at line 3, column 1`.
    package static func yamlContext(_ context: String, line: Int, column: Int) -> Message {
        Message(
            en: "\(context) at line \(line), column \(column)", zh: "\(yamlPhrase(context))（第 \(line) 行第 \(column) 列）")
    }

    /// Chinese for the problems and contexts libyaml reports; others are kept in English.
    static func yamlPhrase(_ text: String) -> String {
        let phrases: [String: String] = [
            "mapping values are not allowed in this context": "这里不能出现“键: 值”（多半是缩进不对，或文本中有冒号而没加引号）",
            "did not find expected key": "没有找到应有的键（多半是缩进不对）",
            "did not find expected '-' indicator": "没有找到应有的“-”（列表的缩进不对）",
            "did not find expected node content": "没有找到应有的内容",
            "did not find expected ',' or ']'": "没有找到应有的“,”或“]”",
            "did not find expected ',' or '}'": "没有找到应有的“,”或“}”",
            "could not find expected ':'": "没有找到应有的“:”",
            "found character that cannot start any token": "这里有一个不能出现在此处的字符",
            "found a tab character that violates indentation": "缩进中有制表符（Tab）",
            "found a tab character where an indentation space is expected": "应当用空格缩进的地方用了制表符（Tab）",
            "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
            "found undefined alias": "引用了未定义的别名",
            "found unknown escape character": "有未知的转义字符",
            "block sequence entries are not allowed in this context": "这里不能出现列表项（“- ”）",
            "while parsing a block mapping": "读取一个映射时",
            "while parsing a block collection": "读取一个列表时",
            "while parsing a flow mapping": "读取一个花括号映射（{…}）时",
            "while parsing a flow sequence": "读取一个方括号列表（[…]）时",
            "while parsing a flow node": "读取花括号或方括号中的值时",
            "while parsing a block node": "读取一个值时",
            "while scanning a simple key": "读取一个键时",
            "while scanning a quoted scalar": "读取一段带引号的文本时",
            "while scanning a plain scalar": "读取一段文本时",
            "while scanning an alias": "读取一个别名时",
            "while scanning an anchor": "读取一个锚点时",
            "while scanning a block scalar": "读取一段多行文本时",
            "while composing a mapping": "组合一个映射时",
        ]
        return phrases[text] ?? text
    }

    package static func duplicateKeysInMapping(_ keys: [String]) -> Message {
        Message(
            en: "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")) in this mapping",
            zh: "这个映射中有重复的键\(keys.map { "“\($0)”" }.joined(separator: "、"))")
    }
    /// Where a duplicated key is written: `'1.1.1b' is written at line 5, column 3 and again at line 9, column 3`.
    package static func keyWrittenAt(_ key: String, places: [(line: Int, column: Int)]) -> Message {
        let sameLine = Set(places.map(\.line)).count == 1
        let en = places.map { sameLine ? "column \($0.column)" : "line \($0.line), column \($0.column)" }
        let zh = places.map { sameLine ? "第 \($0.column) 列" : "第 \($0.line) 行第 \($0.column) 列" }
        // A measure id written twice: its years belong under one key.
        let measure = key.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+[a-z]$"#, options: .regularExpression) != nil
        return Message(
            en: "'\(key)' is written \(sameLine ? "on line \(places[0].line) at " : "at ")\(en[0]) and again at \(en.dropFirst().joined(separator: " and ")): a key may appear only once"
                + (measure ? "; put all the years of \(key) under one '\(key):'" : "; keep one"),
            zh: "“\(key)”写在\(sameLine ? "第 \(places[0].line) 行" : "")\(zh[0])，又写在\(zh.dropFirst().joined(separator: "和"))：同一个键只能出现一次"
                + (measure ? "；请把 \(key) 所有年份的数据都放在同一个“\(key):”下面" : "；请只保留一个"))
    }
    package static let firstOfDuplicates = Message(
        en: "this is the first of them; a key may appear only once", zh: "这是其中第一个；同一个键只能出现一次")

    // MARK: Shapes

    package static func mustBeMapping(_ what: Message, found: Message) -> Message {
        Message(en: "\(what.en) must be a mapping, found \(found.en)", zh: "\(what.zh)必须是映射（“键: 值”），这里写的是\(found.zh)")
    }
    package static func keysMustBeText(in what: Message, found: Message) -> Message {
        Message(en: "keys in \(what.en) must be plain text, found \(found.en)", zh: "\(what.zh)中的键必须是普通文本，这里写的是\(found.zh)")
    }
    package static func duplicateKey(_ key: String, in what: Message) -> Message {
        Message(en: "duplicate key '\(key)' in \(what.en)", zh: "\(what.zh)中的键“\(key)”重复了")
    }
    package static func mustBeList(_ what: Message, found: Message) -> Message {
        Message(en: "\(what.en) must be a list, found \(found.en)", zh: "\(what.zh)必须是列表（每项以“- ”开头），这里写的是\(found.zh)")
    }
    package static func mustNotBeEmpty(_ what: Message) -> Message {
        Message(en: "\(what.en) must not be empty", zh: "\(what.zh)不能为空")
    }
    package static func mustBeText(_ what: Message, found: Message) -> Message {
        Message(en: "\(what.en) must be text, found \(found.en)", zh: "\(what.zh)必须是文本，这里写的是\(found.zh)")
    }
    package static let quoteIfText = Message(en: "put it in quotes if it is meant as text", zh: "如果它就是一段文本，请加上引号")
    package static func mustBeWholeNumber(_ what: Message, found: Message) -> Message {
        Message(en: "\(what.en) must be a whole number, found \(found.en)", zh: "\(what.zh)必须是整数，这里写的是\(found.zh)")
    }
    package static func mustBeNumber(_ what: Message, found: Message) -> Message {
        Message(en: "\(what.en) must be a number, found \(found.en)", zh: "\(what.zh)必须是数字，这里写的是\(found.zh)")
    }
    package static func notAFiniteNumber(_ what: Message, _ written: String) -> Message {
        Message(
            en: "\(what.en) must be a number; '\(written)' is YAML for \(written.lowercased().hasSuffix("nan") ? "'not a number'" : "infinity"), which is not a value",
            zh: "\(what.zh)必须是数字；“\(written)”在 YAML 中表示\(written.lowercased().hasSuffix("nan") ? "“不是数字”" : "无穷大")，不是一个数值")
    }
    package static let writeNotAvailable = Message(
        en: "write the number; for a value reported as not available write ~ (and say why in a note)",
        zh: "请写数值；如果该数值报告为“无法提供”，请写 ~（并在 note 中说明原因）")
    package static func mustBeBoolean(_ what: Message, found: Message) -> Message {
        Message(
            en: "\(what.en) must be true or false, found \(found.en)", zh: "\(what.zh)必须是 true 或 false，这里写的是\(found.zh)")
    }
    package static func notOneOf(_ what: Message, _ value: String, allowed: [String]) -> Message {
        Message(
            en: "\(what.en) '\(value)' is not one of \(allowed.joined(separator: ", "))",
            zh: "\(what.zh)只能是 \(allowed.joined(separator: "、")) 之一，这里写的是“\(value)”")
    }
    package static func unknownLanguage(_ code: String, in what: Message, languages: [String]) -> Message {
        Message(
            en: "unknown language '\(code)' in \(what.en); the site's languages are \(languages.joined(separator: ", "))",
            zh: "\(what.zh)中有未知的语言“\(code)”；本站的语言是 \(languages.joined(separator: "、"))")
    }
    package static func missingTranslation(_ what: Message, missing: [String]) -> Message {
        Message(
            en: "\(what.en) has no \(missing.joined(separator: ", ")) text",
            zh: "\(what.zh)缺少 \(missing.joined(separator: "、")) 的文字")
    }
    package static func readersSeeInstead(_ languages: [String], missing: [String]) -> Message {
        Message(
            en: "readers of that language see the \(languages.joined(separator: ", ")) text instead",
            zh: "\(missing.joined(separator: "、")) 页面的读者会看到 \(languages.joined(separator: "、")) 的文字")
    }
    package static func onlyInChinese(_ what: Message, missing: [String]) -> Message {
        Message(
            en: "\(what.en) is written in Chinese only: the \(missing.joined(separator: ", ")) pages show it in Chinese",
            zh: "\(what.zh)只写了中文：\(missing.joined(separator: "、")) 页面也会显示中文")
    }
    package static func writeEveryLanguage(_ example: String) -> Message {
        Message(en: "write it in every language: \(example)", zh: "请按语言分别写：\(example)")
    }
    package static func missingRequiredField(_ what: Message, _ key: String) -> Message {
        Message(en: "\(what.en) is missing the required field '\(key)'", zh: "\(what.zh)缺少必填字段“\(key)”")
    }
    package static func unknownField(_ key: String, in what: Message) -> Message {
        Message(en: "unknown field '\(key)' in \(what.en)", zh: "\(what.zh)中有未知的字段“\(key)”")
    }
    package static func spaceAfterColon(_ key: String, _ value: String) -> Message {
        Message(en: "put a space after the colon: '\(key): \(value)'", zh: "冒号后面要加一个空格：“\(key): \(value)”")
    }
    package static func knownFields(_ fields: [String]) -> Message {
        Message(en: "known fields: \(fields.joined(separator: ", "))", zh: "可以写的字段：\(fields.joined(separator: "、"))")
    }

    // MARK: Slips

    package static func indentsWithTab(line: Int, column: Int) -> Message {
        Message(
            en: "line \(line), column \(column) indents with a tab: YAML indents with spaces only",
            zh: "第 \(line) 行第 \(column) 列用制表符（Tab）缩进：YAML 只能用空格缩进")
    }
    package static func fullWidthColon(line: Int, column: Int) -> Message {
        Message(
            en: "line \(line), column \(column) has a full-width colon '：' (a Chinese input method types it): YAML needs ':' followed by a space",
            zh: "第 \(line) 行第 \(column) 列是全角冒号“：”（中文输入法会打出它）：YAML 需要半角冒号“:”，后面再加一个空格")
    }
    package static func quoteTextWithColon(line: Int, key: String, text: String) -> Message {
        Message(
            en: "line \(line): the text of '\(key)' has a colon followed by a space, which YAML reads as a new key: put the text in quotes: \(key): \"\(text)\"",
            zh: "第 \(line) 行：“\(key)”的文字中有冒号加空格，YAML 会把它当成新的键：请给文字加上引号：\(key): \"\(text)\"")
    }
    package static func numberWithoutPercent(_ number: String) -> Message {
        Message(
            en: "write the number without '%': \(number) (the unit comes from the measure)",
            zh: "数字后面不要写“%”：请写 \(number)（单位由指标决定）")
    }
    package static func numberWithoutSeparators(_ number: String) -> Message {
        Message(
            en: "write the number without thousands separators: \(number)", zh: "数字中不要用千位分隔符：请写 \(number)")
    }
    package static func decimalPoint(_ number: String) -> Message {
        Message(en: "write decimals with a point: \(number)", zh: "小数要用小数点“.”：请写 \(number)")
    }

    // MARK: Cities

    package static func latitudeOutOfRange(_ value: String) -> Message {
        Message(en: "latitude \(value) is outside -90…90", zh: "纬度 \(value) 超出了 -90…90 的范围")
    }
    package static func longitudeOutOfRange(_ value: String) -> Message {
        Message(en: "longitude \(value) is outside -180…180", zh: "经度 \(value) 超出了 -180…180 的范围")
    }
    package static let valueIsEmpty = Message(en: "value is empty", zh: "“value”是空的")
    package static let writeNumberOrTilde = Message(
        en: "write a number, or '~' to report that the figure is not available", zh: "请写一个数字；如果没有这项数据，请写“~”")
    package static func bothValueAndValues(_ what: Message) -> Message {
        Message(en: "\(what.en) has both 'value' and 'values'", zh: "\(what.zh)同时写了“value”和“values”")
    }
    package static let valueOrValues = Message(
        en: "use 'value' for a single number, 'values' for one number per breakdown category",
        zh: "只有一个数字时用“value”；按分组每个类别一个数字时用“values”")
    package static func neitherValueNorValues(_ what: Message) -> Message {
        Message(en: "\(what.en) has neither 'value' nor 'values'", zh: "\(what.zh)既没有“value”，也没有“values”")
    }
    package static let writeValueTilde = Message(
        en: "write 'value: ~' to report that the figure is not available", zh: "如果没有这项数据，请写“value: ~”")

    // MARK: The framework

    package static func totalIsNoCategory(_ what: Message, _ total: String) -> Message {
        Message(
            en: "\(what.en) names '\(total)' as its total, but has no such category",
            zh: "\(what.zh)把“\(total)”写作合计（total），但没有这个类别")
    }

    // MARK: The site file

    package static func notALanguageCode(_ code: String) -> Message {
        Message(en: "'\(code)' is not a language code such as zh or en", zh: "“\(code)”不是语言代码（例如 zh 或 en）")
    }
    package static func languageListedTwice(_ code: String) -> Message {
        Message(en: "language '\(code)' is listed twice", zh: "语言“\(code)”列了两次")
    }
    package static let needsALanguage = Message(en: "the site needs at least one language", zh: "站点至少需要一种语言")
    package static func partialLanguageNotOther(_ code: String) -> Message {
        Message(
            en: "partial language '\(code)' must be one of the languages other than the default",
            zh: "部分翻译的语言“\(code)”必须是默认语言以外的站点语言")
    }
    package static func badFallback(_ fallback: String, of code: String) -> Message {
        Message(
            en: "'\(fallback)' cannot be the fallback of \(code): use a fully translated site language",
            zh: "“\(fallback)”不能作为 \(code) 的后备语言：请用一种完整翻译的站点语言")
    }
    package static func defaultLanguageNotListed(_ code: String, languages: [String]) -> Message {
        Message(
            en: "default_language '\(code)' is not one of the languages (\(languages.joined(separator: ", ")))",
            zh: "default_language 写的“\(code)”不在 languages（\(languages.joined(separator: "、"))）之中")
    }
    package static func baseURLNotAbsolute(_ url: String) -> Message {
        Message(
            en: "base_url '\(url)' must be an absolute http(s) URL",
            zh: "base_url 写的“\(url)”必须是以 http:// 或 https:// 开头的完整网址")
    }
    package static func releaseDateNotADate(_ text: String) -> Message {
        Message(
            en: "the release date '\(text)' is not a date written as YYYY-MM-DD, such as 2026-11-30",
            zh: "release 的 date 写的“\(text)”不是 YYYY-MM-DD 格式的日期（例如 2026-11-30）")
    }
    package static func releaseVersionNotAName(_ text: String) -> Message {
        Message(
            en: "the release version '\(text)' may hold only letters, digits, '.', '-' and '_' (at most 40), such as \"2026.1\"",
            zh: "release 的 version 写的“\(text)”只能由字母、数字和“.”“-”“_”组成（最多 40 个），例如 \"2026.1\"")
    }
    package static func notAWebAddress(_ key: String, _ text: String) -> Message {
        Message(
            en: "\(key) '\(text)' must be a full web address starting with http:// or https://",
            zh: "\(key) 写的“\(text)”必须是以 http:// 或 https:// 开头的完整网址")
    }

    // MARK: The countries file

    package static func notACountryCode(_ code: String) -> Message {
        Message(
            en: "'\(code)' is not an ISO 3166-1 alpha-2 code (two capital letters)",
            zh: "“\(code)”不是 ISO 3166-1 两字母国家代码（两个大写字母）")
    }
    package static func countryHasUnknownRegion(_ code: String, _ region: String) -> Message {
        Message(en: "country \(code) has unknown region '\(region)'", zh: "国家 \(code) 的地区“\(region)”不存在")
    }
}
