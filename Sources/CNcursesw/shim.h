#ifndef DUBAN_CNCURSESW_SHIM_H
#define DUBAN_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <unistd.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

/* Globals and function-like macros Swift cannot import or cannot use safely. */
static inline WINDOW *duban_stdscr(void) { return stdscr; }
static inline int duban_lines(void) { return LINES; }
static inline int duban_cols(void) { return COLS; }
static inline int duban_colors(void) { return COLORS; }
static inline int duban_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t duban_a_normal(void) { return A_NORMAL; }
static inline attr_t duban_a_bold(void) { return A_BOLD; }
static inline attr_t duban_a_dim(void) { return A_DIM; }
static inline attr_t duban_a_underline(void) { return A_UNDERLINE; }
static inline attr_t duban_a_reverse(void) { return A_REVERSE; }
static inline attr_t duban_a_standout(void) { return A_STANDOUT; }
static inline attr_t duban_a_italic(void) { return A_ITALIC; }
static inline attr_t duban_a_blink(void) { return A_BLINK; }
static inline mmask_t duban_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t duban_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t duban_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t duban_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t duban_button4_pressed(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t duban_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t duban_button5_pressed(void) { return 0; }
#endif
static inline mmask_t duban_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#if NCURSES_MOUSE_VERSION > 1
        | BUTTON5_PRESSED
#endif
        ;
}
/* Whether the current locale's codeset is UTF-8. */
static inline int duban_codeset_is_utf8(void) {
    const char *c = nl_langinfo(CODESET);
    if (!c) return 0;
    return (c[0] == 'U' || c[0] == 'u') && (c[1] == 'T' || c[1] == 't') && (c[2] == 'F' || c[2] == 'f');
}
static inline void duban_set_escdelay(int ms) { set_escdelay(ms); }

/* Whether terminfo knows TERM and the terminal can address the cursor, asked without
   starting curses and without writing a byte: 1 usable, 0 unknown to terminfo,
   -1 no terminfo database, 2 known but hardcopy or without cursor addressing (dumb).
   term.h is not included (its macros would name half of Swift's identifiers). */
struct term;
extern int setupterm(const char *, int, int *);
extern int del_curterm(struct term *);
extern struct term *set_curterm(struct term *);
static inline int duban_term_usable(const char *term) {
    int err = 0;
    struct term *saved = set_curterm((struct term *)0);
    set_curterm(saved);
    if (setupterm(term, 1, &err) != OK) { return err == 1 ? 2 : (err == 0 ? 0 : -1); }
    char *cup = tigetstr("cup");
    int ok = cup != (char *)0 && cup != (char *)-1;
    struct term *mine = set_curterm(saved);
    if (mine && mine != saved) del_curterm(mine);
    return ok ? 1 : 2;
}
#endif
