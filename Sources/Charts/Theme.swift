/// Every visual constant of the charts in one place: fonts, sizes, strokes and colours.
public struct Theme: Sendable {
    public var fontFamily = "DejaVu Sans"
    public var titleSize = 18.0
    public var axisTitleSize = 14.5
    public var tickLabelSize = 13.0
    public var legendSize = 13.5
    /// Outer padding around the whole figure, in points.
    public var padding = 14.0
    /// Gap between a label and what it labels.
    public var gap = 8.0
    public var tickLength = 5.0
    public var lineWidth = 2.25
    public var axisWidth = 1.0
    public var gridWidth = 1.0
    public var bandOpacity = 0.18
    public var markerSize = 9.0
    /// Bars of one group fill this share of the group's width; groups are separated by the rest.
    public var barGroupFill = 0.8
    public var background = Color(hex: 0xFFFFFF)
    public var text = Color(hex: 0x222222)
    public var mutedText = Color(hex: 0x555555)
    public var axis = Color(hex: 0x888888)
    public var grid = Color(hex: 0xE6E6E6)

    /// Okabe & Ito's colour-blind-safe palette, ordered for contrast on white (yellow last).
    public var palette: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x000000), Color(hex: 0xF0E442),
    ]

    /// Dash patterns (in points) as a second cue besides colour; empty means solid.
    public var dashes: [[Double]] = [[], [7, 4], [2, 3], [9, 3, 2, 3]]

    public init() {}

    public static let standard = Theme()

    public var markers: [Marker] = Marker.allCases

    /// A sequential colour ramp for heatmaps, light to dark (ColorBrewer's Blues end points).
    public var rampLow = Color(hex: 0xF7FBFF)
    public var rampHigh = Color(hex: 0x08306B)

    public func color(forSeries index: Int) -> Color { palette[index % palette.count] }
    public func marker(forSeries index: Int) -> Marker { markers[index % markers.count] }
    public func dash(forSeries index: Int) -> [Double] { dashes[index % dashes.count] }
}
