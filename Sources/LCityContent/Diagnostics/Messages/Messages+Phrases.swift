// Phrases that name a part of the content ("the city file", "measure 1.1.1a name", "an observation of 1.1.1a"),
// which loading messages put in their sentences ("… must be a number"). Each phrase reads as a subject in both
// languages.

extension Message {
    // MARK: Files

    /// The whole city file.
    package static let cityFile = Message(en: "the city file", zh: "城市文件")
    /// The whole framework file.
    package static let frameworkFile = Message(en: "the framework file", zh: "框架文件")
    /// The whole site file.
    package static let siteFile = Message(en: "the site file", zh: "站点文件")
    /// The whole countries file.
    package static let countriesFile = Message(en: "the countries file", zh: "国家文件")
    /// The whole UI strings file.
    package static let stringsFile = Message(en: "the UI strings file", zh: "界面文字文件")
    /// A page's front matter.
    package static let frontMatter = Message(en: "the front matter", zh: "页首信息（front matter）")

    // MARK: Fields

    /// A field written as its YAML key: `population` (`“population”`).
    package static func key(_ name: String) -> Message {
        Message(en: name, zh: "“\(name)”")
    }

    /// A field of something named: `unit 'percent' max` (`单位“percent”的“max”`).
    package static func field(_ name: String, of owner: Message) -> Message {
        Message(en: "\(owner.en) \(name)", zh: "\(owner.zh)的“\(name)”")
    }

    /// A city's latitude.
    package static let latitude = Message(en: "latitude", zh: "纬度（lat）")
    /// A city's longitude.
    package static let longitude = Message(en: "longitude", zh: "经度（lon）")

    // MARK: The framework

    /// A unit of the framework.
    package static func unit(_ id: String) -> Message { Message(en: "unit '\(id)'", zh: "单位“\(id)”") }
    /// A breakdown of the framework.
    package static func breakdown(_ id: String) -> Message { Message(en: "breakdown '\(id)'", zh: "分组“\(id)”") }
    /// A group of the framework.
    package static func group(_ id: String) -> Message { Message(en: "group \(id)", zh: "组 \(id) ") }
    /// A focus area of the framework.
    package static func focusArea(_ id: String) -> Message { Message(en: "focus area \(id)", zh: "重点领域 \(id) ") }
    /// A key feature of the framework.
    package static func keyFeature(_ id: String) -> Message { Message(en: "key feature \(id)", zh: "关键特征 \(id) ") }
    /// A measure of the framework.
    package static func measure(_ id: String) -> Message { Message(en: "measure \(id)", zh: "指标 \(id) ") }

    /// One level of the rating scale.
    package static let ratingLevel = Message(en: "a rating level", zh: "评分等级中的一项")
    /// The value of a rating level.
    package static let ratingValue = Message(en: "rating value", zh: "评分等级的“value”")
    /// The name of a rating level.
    package static let ratingName = Message(en: "rating name", zh: "评分等级的“name”")
    /// One category of a breakdown.
    package static func category(of breakdown: Message) -> Message {
        Message(en: "a category of \(breakdown.en)", zh: "\(breakdown.zh)中的一个类别")
    }
    /// The id of a breakdown category.
    package static let categoryID = Message(en: "category id", zh: "类别的“id”")
    /// The name of a breakdown category.
    package static let categoryName = Message(en: "category name", zh: "类别的“name”")
    /// One group in the framework's list.
    package static let aGroup = Message(en: "a framework group", zh: "框架中的一个组")
    /// A group's id.
    package static let groupID = Message(en: "group id", zh: "组的“id”")
    /// One focus area in a group's list.
    package static let aFocusArea = Message(en: "a focus area", zh: "一个重点领域")
    /// A focus area's id.
    package static let focusAreaID = Message(en: "focus area id", zh: "重点领域的“id”")
    /// One key feature in a focus area's list.
    package static let aKeyFeature = Message(en: "a key feature", zh: "一个关键特征")
    /// A key feature's id.
    package static let keyFeatureID = Message(en: "key feature id", zh: "关键特征的“id”")
    /// One measure in a key feature's list.
    package static let aMeasure = Message(en: "a measure", zh: "一个指标")
    /// A measure's id.
    package static let measureID = Message(en: "measure id", zh: "指标的“id”")

    // MARK: Cities

    /// The list of observations of a measure in a city file.
    package static func observations(of measure: String) -> Message {
        Message(en: "observations of \(measure)", zh: "指标 \(measure) 的观测值")
    }

    /// One observation of a measure in a city file.
    package static func anObservation(of measure: String) -> Message {
        Message(en: "an observation of \(measure)", zh: "指标 \(measure) 的一条观测值")
    }

    /// The value of one category in `values`.
    package static func value(for category: String) -> Message {
        Message(en: "value for '\(category)'", zh: "类别“\(category)”的值")
    }

    // MARK: Site, countries, UI strings

    /// One item of `languages`.
    package static let aLanguageCode = Message(en: "a language code", zh: "语言代码")
    /// The fallback of a partly translated language.
    package static func fallbackLanguage(of code: String) -> Message {
        Message(en: "the fallback language of \(code)", zh: "\(code) 的后备语言")
    }
    /// One item of `home_pages`.
    package static let aHomePage = Message(en: "a home page name", zh: "首页页面名")
    /// A field of the site's `source`.
    package static func sourceField(_ name: String) -> Message {
        Message(en: "source \(name)", zh: "“source”的“\(name)”")
    }
    /// The name of a region in the countries file.
    package static func regionName(_ id: String) -> Message {
        Message(en: "region \(id) name", zh: "地区 \(id) 的名称")
    }
    /// A country in the countries file.
    package static func country(_ code: String) -> Message { Message(en: "country \(code)", zh: "国家 \(code) ") }
    /// A country's region.
    package static func region(of code: String) -> Message { Message(en: "region of \(code)", zh: "\(code) 的地区") }
    /// A country's name in one language.
    package static func countryName(_ language: String, of code: String) -> Message {
        Message(en: "\(language) name of \(code)", zh: "\(code) 的 \(language) 名称")
    }
    /// A UI string.
    package static func uiString(_ key: String) -> Message { Message(en: "string '\(key)'", zh: "界面文字“\(key)”") }

    /// A localized text's part in one language: `name (en)`.
    package static func inLanguage(_ text: Message, _ language: String) -> Message {
        Message(en: "\(text.en) (\(language))", zh: "\(text.zh)（\(language)）")
    }

    // MARK: Kinds of YAML values

    /// A mapping, as found where something else was expected.
    package static let aMapping = Message(en: "a mapping", zh: "映射（“键: 值”）")
    /// A list.
    package static let aList = Message(en: "a list", zh: "列表")
    /// An alias.
    package static let anAlias = Message(en: "an alias", zh: "别名")
    /// Nothing.
    package static let nothingNull = Message(en: "nothing (null)", zh: "空值（null）")
    /// A number, as written.
    package static func theNumber(_ text: String) -> Message { Message(en: "the number \(text)", zh: "数字 \(text)") }
    /// A boolean, as written.
    package static func theBoolean(_ text: String) -> Message { Message(en: "the boolean \(text)", zh: "布尔值 \(text)") }
    /// A text, as written (at most 60 characters).
    package static func theText(_ text: String) -> Message { Message(en: "the text '\(text)'", zh: "文本“\(text)”") }
}
