// Generated from Themes/*.theme by hand-copy; ThemeTests checks they stay identical.
enum BuiltinThemeTexts {
    static let defaultText = #"""
# duban theme: default (dark or any background; 8 or 256 colours)
# role              fg            bg          attributes
normal              default       default     -
border              blue|67       default     -
borderFocused       cyan|81       default     bold
paneTitle           default       default     bold
paneTitleFocused    cyan|81       default     bold
header              yellow|179    default     bold
titleBar            black|231     cyan|24     bold
titleBarAlert       white|231     red|160     bold
hint                default       default     -
hintKey             cyan|81       default     bold
selection           black|231     cyan|25     -
selectionInactive   default|252   default|238 underline
red                 red|196       default     bold
yellow              yellow|220    default     bold
green               green|71      default     -
statusNotStarted    default|250   default     -
statusInProgress    cyan|117      default     -
statusDone          green|71      default     -
statusLagging       red|196       default     bold
match               black|16      yellow|220  bold
dim                 default|245   default     -
placeholder         magenta|213   default     bold
label               blue|110      default     bold
barDone             green|71      default     bold
barEmpty            default|240   default     -
message             green|114     default     bold
error               white|231     red|160     bold
popup               default       default     -
popupBorder         yellow|179    default     bold
popupSelection      black|231     cyan|25     -
editor              default       default     underline
tooSmall            yellow|220    default     bold
"""#
    static let lightText = #"""
# duban theme: light (for terminals with a white or pale background)
# role              fg            bg          attributes
normal              default       default     -
border              blue|110      default     -
borderFocused       blue|25       default     bold
paneTitle           default       default     bold
paneTitleFocused    blue|25       default     bold
header              magenta|90    default     bold
titleBar            white|231     blue|25     bold
titleBarAlert       white|231     red|160     bold
hint                default       default     -
hintKey             blue|25       default     bold
selection           black|16      cyan|153    -
selectionInactive   default|16    default|253 underline
red                 red|160       default     bold
yellow              yellow|130    default     bold
green               green|28      default     -
statusNotStarted    default|240   default     -
statusInProgress    blue|25       default     -
statusDone          green|28      default     -
statusLagging       red|160       default     bold
match               black|16      yellow|222  bold
dim                 default|243   default     -
placeholder         magenta|127   default     bold
label               blue|24       default     bold
barDone             green|28      default     bold
barEmpty            default|250   default     -
message             green|28      default     bold
error               white|231     red|160     bold
popup               default       default     -
popupBorder         magenta|90    default     bold
popupSelection      black|16      cyan|153    -
editor              default       default     underline
tooSmall            red|160       default     bold
"""#
    static let highContrastText = #"""
# duban theme: high-contrast (projectors, bright rooms, low vision)
# Lights are drawn as solid badges; everything else is bold on the default background.
# role              fg            bg          attributes
normal              default       default     -
border              white|255     default     -
borderFocused       yellow|226    default     bold
paneTitle           white|255     default     bold
paneTitleFocused    black|16      yellow|226  bold
header              white|255     default     bold,underline
titleBar            black|16      white|255   bold
titleBarAlert       white|231     red|196     bold
hint                white|255     default     -
hintKey             black|16      yellow|226  bold
selection           black|16      yellow|226  bold
selectionInactive   default       default     underline,bold
red                 white|231     red|196     bold
yellow              black|16      yellow|226  bold
green               black|16      green|46    bold
statusNotStarted    white|255     default     -
statusInProgress    cyan|51       default     bold
statusDone          green|46      default     bold
statusLagging       white|231     red|196     bold
match               black|16      cyan|51     bold
dim                 white|250     default     -
placeholder         black|16      magenta|201 bold
label               cyan|51       default     bold
barDone             green|46      default     bold
barEmpty            white|244     default     -
message             black|16      green|46    bold
error               white|231     red|196     bold
popup               default       default     -
popupBorder         yellow|226    default     bold
popupSelection      black|16      yellow|226  bold
editor              white|255     default     underline,bold
tooSmall            yellow|226    default     bold
"""#
}
