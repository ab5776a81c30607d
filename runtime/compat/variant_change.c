/*
 * compat/variant_change.c - VariantChangeType(Ex): oleaut32's coercion matrix.
 *
 * Every conversion goes through one of three canonical forms of the source:
 *   - an exact decimal (sign, 96-bit magnitude, power-of-ten scale 0..28: the
 *     shape of DECIMAL), for the integers, VT_BOOL, VT_CY, VT_DECIMAL and
 *     VT_EMPTY;
 *   - a double, for VT_R4, VT_R8 and VT_DATE;
 *   - text, for VT_BSTR, parsed once for the target at hand.
 * and each target type has one function that takes any of them. The results
 * are Windows' as Wine's conformance tests record them (dlls/oleaut32/tests/
 * vartype.c, vartest.c): values that do not fit give DISP_E_OVERFLOW, text that
 * is not a number DISP_E_TYPEMISMATCH, fractions round half to even, VT_BOOL
 * is 0 or VARIANT_TRUE (-1), VT_NULL converts to nothing but itself, VT_EMPTY
 * to zero and "", and the destination is untouched on failure.
 *
 * Text is read and written in one fixed form whatever the LCID:
 *   - numbers: '.' decimal point, ',' thousands separators, '$' currency sign,
 *     leading or trailing sign, parentheses for negatives, exponents, white
 *     space around, and VB's "&H1F" hexadecimal and "&O17" octal; R4 prints
 *     with 7 significant digits and R8 with 15, switching to "1.5E+20" form as
 *     oleaut32 does; non-finite doubles print as "INF", "-INF" and "NAN";
 *   - booleans: "True"/"False" (any case) and "#TRUE#"/"#FALSE#" are read, as
 *     are numbers; VARIANT_ALPHABOOL and VARIANT_LOCALBOOL both write
 *     "True"/"False", and without them a VT_BOOL prints as its number, -1 or 0;
 *   - dates: written as en-US oleaut32 writes them, "M/D/YYYY h:mm:ss AM",
 *     leaving out a zero time, and the date when it is 12/30/1899 (a date out
 *     of VT_DATE's range gives E_INVALIDARG); read as "M/D/Y" or "Y-M-D", where
 *     either separator may be '/' or '-', a year of three or four digits comes
 *     first or last, and a two-digit last year means 1930..2029; optionally
 *     followed (after spaces or a 'T') by "H:MM" or "H:MM:SS" and an optional
 *     "AM"/"PM"/"A"/"P" (ignored after 12 o'clock); or a time alone.
 *
 * Objects: an IDispatch converts to a value through its default property
 * (Invoke of DISPID_VALUE, DISPATCH_PROPERTYGET) unless VARIANT_NOVALUEPROP is
 * given, and Invoke's failure is returned as it is; an IUnknown has no value.
 * VT_UNKNOWN -> VT_DISPATCH asks QueryInterface, whose failure is returned.
 * VT_ARRAY|VT_UI1 and VT_BSTR convert into each other as raw bytes.
 *
 * Deviations, each because the Windows behaviour is a bug or needs locale data
 * ccw does not carry: VT_CY to VT_I8 rounds like every other currency
 * conversion (native oleaut32 floors negative values, giving -2 for -1); a
 * default property that is itself an object is not followed further; a NaN
 * never converts to VT_DATE; date strings without a year, with month names,
 * in other orders or with a bare hour ("1 am") are not recognised.
 */
#include <ccw/com.h>

#include <float.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The range of VT_DATE: 1 Jan 100 to 31 Dec 9999, in days from 30 Dec 1899. */
#define DATE_MIN (-657434.0)
#define DATE_MAX 2958465.0
#define SECONDS_PER_DAY 86400

/* Unix day number of 30 Dec 1899, the day VT_DATE counts from. */
#define OLE_EPOCH_UNIX_DAY (-25569)

#define CY_SCALE 4
#define DECIMAL_MAX_SCALE 28

/* Significant digits oleaut32 prints and keeps for each floating type. */
#define R4_DIGITS 7
#define R8_DIGITS 15

/* Digits kept from a numeric string; more than any target can hold. */
#define PARSE_MAX_DIGITS 40
/* Exponents beyond this already overflow or vanish in every target. */
#define PARSE_MAX_EXPONENT 100000

/* ---- Exact decimals ----------------------------------------------------------- */

/* (-1)^negative * magnitude / 10^scale, magnitude below 2^96: DECIMAL's range. */
typedef struct {
    uint32_t mag[3]; /* least significant limb first */
    int scale;
    bool negative;
} exact_num;

static bool mag_is_zero(const uint32_t mag[3])
{
    return !(mag[0] | mag[1] | mag[2]);
}

/* mag = mag * mul + add; false (mag then garbage) when it needs more than 96 bits. */
static bool mag_mul_add(uint32_t mag[3], uint32_t mul, uint32_t add)
{
    uint64_t carry = add;

    for (int i = 0; i < 3; i++) {
        uint64_t t = (uint64_t)mag[i] * mul + carry;

        mag[i] = (uint32_t)t;
        carry = t >> 32;
    }
    return carry == 0;
}

/* mag = mag / div; returns the remainder. */
static uint32_t mag_div(uint32_t mag[3], uint32_t div)
{
    uint64_t rem = 0;

    for (int i = 2; i >= 0; i--) {
        uint64_t t = (rem << 32) | mag[i];

        mag[i] = (uint32_t)(t / div);
        rem = t % div;
    }
    return (uint32_t)rem;
}

/*
 * Rounds half to even, given the first digit dropped and whether any later
 * dropped digit was nonzero; false when rounding up overflows.
 */
static bool mag_round(uint32_t mag[3], unsigned first_dropped, bool rest_nonzero)
{
    bool up = first_dropped > 5 || (first_dropped == 5 && (rest_nonzero || (mag[0] & 1)));

    return !up || mag_mul_add(mag, 1, 1);
}

static void exact_from_u64(exact_num *n, bool negative, uint64_t magnitude, int scale)
{
    n->mag[0] = (uint32_t)magnitude;
    n->mag[1] = (uint32_t)(magnitude >> 32);
    n->mag[2] = 0;
    n->scale = scale;
    n->negative = negative;
}

static bool exact_to_u64(const exact_num *n, uint64_t *magnitude)
{
    if (n->mag[2])
        return false;
    *magnitude = ((uint64_t)n->mag[1] << 32) | n->mag[0];
    return true;
}

/* Changes the scale, rounding half to even when digits are dropped. */
static HRESULT exact_rescale(exact_num *n, int scale)
{
    unsigned dropped = 0;
    bool rest = false;

    for (; n->scale < scale; n->scale++) {
        if (!mag_mul_add(n->mag, 10, 0))
            return DISP_E_OVERFLOW;
    }
    if (n->scale == scale)
        return S_OK;
    for (; n->scale > scale; n->scale--) {
        rest = rest || dropped;
        dropped = mag_div(n->mag, 10);
    }
    /* Divided by 10 at least once, the magnitude has room to round up. */
    mag_round(n->mag, dropped, rest);
    return S_OK;
}

/* The magnitude's decimal digits, most significant first, NUL-terminated. */
static void mag_to_digits(const uint32_t mag[3], char *out)
{
    uint32_t rest[3] = {mag[0], mag[1], mag[2]};
    char reversed[32];
    size_t count = 0;

    do {
        reversed[count++] = (char)('0' + mag_div(rest, 10));
    } while (!mag_is_zero(rest));
    for (size_t i = 0; i < count; i++)
        out[i] = reversed[count - 1 - i];
    out[count] = '\0';
}

/* "-12.5": no exponent, no trailing fractional zeros, at least one integer digit. */
static void exact_to_text(const exact_num *n, char *out)
{
    char digits[32];
    size_t count, fraction_count = (size_t)n->scale, integer_count;
    char *p = out;

    if (mag_is_zero(n->mag)) {
        strcpy(out, "0");
        return;
    }
    mag_to_digits(n->mag, digits);
    count = strlen(digits);
    while (fraction_count && digits[count - 1] == '0') {
        count--;
        fraction_count--;
    }
    if (n->negative)
        *p++ = '-';
    integer_count = count > fraction_count ? count - fraction_count : 0;
    if (!integer_count)
        *p++ = '0';
    memcpy(p, digits, integer_count);
    p += integer_count;
    if (fraction_count) {
        *p++ = '.';
        for (size_t i = count - integer_count; i < fraction_count; i++)
            *p++ = '0';
        memcpy(p, digits + integer_count, count - integer_count);
        p += count - integer_count;
    }
    *p = '\0';
}

static double exact_to_double(const exact_num *n)
{
    char text[64];

    /* strtod rounds correctly; "digits e-scale" needs no locale's decimal point. */
    text[0] = n->negative ? '-' : '+';
    mag_to_digits(n->mag, text + 1);
    snprintf(text + strlen(text), sizeof(text) - strlen(text), "e-%d", n->scale);
    return strtod(text, NULL);
}

/* ---- Parsed numbers --------------------------------------------------------- */

/* A number read from text: digits * 10^exponent, or a VB "&H"/"&O" value. */
typedef struct {
    unsigned char digits[PARSE_MAX_DIGITS]; /* significant digits, values 0..9 */
    int count;
    int exponent;       /* the power of ten of the last digit */
    bool inexact;       /* nonzero digits beyond PARSE_MAX_DIGITS were dropped */
    bool negative;
    bool is_radix;      /* hexadecimal or octal */
    uint64_t radix_value;
} parsed_num;

/*
 * Rounds the digits to `scale` decimals (scale >= 0, and no more than the
 * digits have when they have a fraction).
 */
static HRESULT digits_at_scale(const parsed_num *p, int scale, exact_num *out)
{
    int kept = p->count, dropped = 0;
    unsigned first_dropped = 0;
    bool rest = p->inexact;

    memset(out, 0, sizeof(*out));
    out->negative = p->negative;
    out->scale = scale;
    if (p->exponent < 0) {
        dropped = -p->exponent - scale;
        kept = p->count - dropped;
    }
    for (int i = 0; i < kept; i++) {
        if (!mag_mul_add(out->mag, 10, p->digits[i]))
            return DISP_E_OVERFLOW;
    }
    for (int i = 0; i < p->exponent; i++) {
        if (!mag_mul_add(out->mag, 10, 0))
            return DISP_E_OVERFLOW;
    }
    if (dropped > 0 && kept >= 0) {
        first_dropped = p->digits[kept];
        for (int i = kept + 1; i < p->count; i++)
            rest = rest || p->digits[i];
    }
    return mag_round(out->mag, first_dropped, rest) ? S_OK : DISP_E_OVERFLOW;
}

/*
 * The exact value, with as many decimals as the text has up to max_scale,
 * rounded half to even. Like oleaut32, a value too wide for 96 bits gives up
 * decimals before it overflows.
 */
static HRESULT parsed_to_exact(const parsed_num *p, int max_scale, exact_num *out)
{
    int scale = p->exponent < 0 ? -p->exponent : 0;
    HRESULT hr;

    if (p->is_radix) {
        exact_from_u64(out, p->negative, p->radix_value, 0);
        return S_OK;
    }
    if (scale > max_scale)
        scale = max_scale;
    for (;; scale--) {
        hr = digits_at_scale(p, scale, out);
        if (hr != DISP_E_OVERFLOW || scale == 0)
            return hr;
    }
}

static HRESULT parsed_to_double(const parsed_num *p, double *out)
{
    char text[PARSE_MAX_DIGITS + 32];
    size_t len = 0;
    double value;

    if (p->is_radix) {
        value = (double)p->radix_value;
        *out = p->negative ? -value : value;
        return S_OK;
    }
    text[len++] = p->negative ? '-' : '+';
    text[len++] = '0';
    for (int i = 0; i < p->count; i++)
        text[len++] = (char)('0' + p->digits[i]);
    snprintf(text + len, sizeof(text) - len, "e%d", p->exponent);
    value = strtod(text, NULL);
    if (value > DBL_MAX || value < -DBL_MAX)
        return DISP_E_OVERFLOW;
    *out = value;
    return S_OK;
}

static bool is_space(OLECHAR c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0;
}

static bool is_digit(OLECHAR c)
{
    return c >= '0' && c <= '9';
}

static int radix_digit(OLECHAR c, unsigned base)
{
    int value = -1;

    if (is_digit(c))
        value = c - '0';
    else if (c >= 'a' && c <= 'f')
        value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
        value = c - 'A' + 10;
    return value >= 0 && (unsigned)value < base ? value : -1;
}

static void add_integer_digit(parsed_num *p, unsigned char digit)
{
    if (p->count == 0 && digit == 0)
        return;
    if (p->count < PARSE_MAX_DIGITS) {
        p->digits[p->count++] = digit;
    } else {
        p->exponent++;
        p->inexact = p->inexact || digit;
    }
}

static void add_fraction_digit(parsed_num *p, unsigned char digit)
{
    if (p->count == 0 && digit == 0) {
        p->exponent--;
    } else if (p->count < PARSE_MAX_DIGITS) {
        p->digits[p->count++] = digit;
        p->exponent--;
    } else {
        p->inexact = p->inexact || digit;
    }
}

/* "&H1F" or "&O17": at least one digit, at most 64 bits. */
static HRESULT parse_radix(const OLECHAR **s, parsed_num *p)
{
    unsigned shift = ((*s)[1] == 'H' || (*s)[1] == 'h') ? 4 : 3;
    const OLECHAR *c = *s + 2;
    int digit;

    if (radix_digit(*c, 1u << shift) < 0)
        return DISP_E_TYPEMISMATCH;
    for (; (digit = radix_digit(*c, 1u << shift)) >= 0; c++) {
        if (p->radix_value >> (64 - shift))
            return DISP_E_OVERFLOW;
        p->radix_value = (p->radix_value << shift) | (unsigned)digit;
    }
    p->is_radix = true;
    *s = c;
    return S_OK;
}

/* Digits with thousands separators, a fraction and an exponent. */
static HRESULT parse_decimal(const OLECHAR **s, parsed_num *p)
{
    const OLECHAR *c = *s;
    bool any_digit = false;
    int exponent = 0;

    for (;; c++) {
        if (is_digit(*c)) {
            add_integer_digit(p, (unsigned char)(*c - '0'));
            any_digit = true;
        } else if (*c != ',' || !any_digit) {
            break;
        }
    }
    if (*c == '.') {
        for (c++; is_digit(*c); c++) {
            add_fraction_digit(p, (unsigned char)(*c - '0'));
            any_digit = true;
        }
    }
    if (!any_digit)
        return DISP_E_TYPEMISMATCH;
    if (*c == 'e' || *c == 'E') {
        const OLECHAR *e = c + 1;
        bool negative = *e == '-';

        if (*e == '+' || *e == '-')
            e++;
        if (is_digit(*e)) {
            for (; is_digit(*e); e++) {
                exponent = exponent * 10 + (*e - '0');
                if (exponent > PARSE_MAX_EXPONENT)
                    exponent = PARSE_MAX_EXPONENT;
            }
            p->exponent += negative ? -exponent : exponent;
            c = e;
        }
    }
    while (p->count > 0 && p->digits[p->count - 1] == 0) {
        p->count--;
        p->exponent++;
    }
    if (p->count == 0)
        p->exponent = 0;
    *s = c;
    return S_OK;
}

/*
 * Reads a whole string as a number, the way VarParseNumFromStr does with
 * NUMPRS_STD in an en-US locale. A NULL BSTR is not a number.
 */
static HRESULT parse_number(const OLECHAR *s, parsed_num *out)
{
    bool has_sign = false, open_paren = false, closed_paren = false, has_currency = false;
    parsed_num p;
    HRESULT hr;

    memset(&p, 0, sizeof(p));
    if (!s)
        return DISP_E_TYPEMISMATCH;
    for (;; s++) {
        if (is_space(*s)) {
            continue;
        } else if ((*s == '+' || *s == '-') && !has_sign && !open_paren) {
            has_sign = true;
            p.negative = *s == '-';
        } else if (*s == '(' && !open_paren && !has_sign) {
            open_paren = true;
        } else if (*s == '$' && !has_currency) {
            has_currency = true;
        } else {
            break;
        }
    }
    if (s[0] == '&' && (s[1] == 'H' || s[1] == 'h' || s[1] == 'O' || s[1] == 'o'))
        hr = parse_radix(&s, &p);
    else
        hr = parse_decimal(&s, &p);
    if (FAILED(hr))
        return hr;
    for (;; s++) {
        if (is_space(*s) || *s == '$') {
            continue;
        } else if ((*s == '+' || *s == '-') && !has_sign && !open_paren) {
            has_sign = true;
            p.negative = *s == '-';
        } else if (*s == ')' && open_paren && !closed_paren) {
            closed_paren = true;
        } else {
            break;
        }
    }
    if (*s || open_paren != closed_paren)
        return DISP_E_TYPEMISMATCH;
    if (closed_paren)
        p.negative = true;
    *out = p;
    return S_OK;
}

/* ---- Formatting doubles ---------------------------------------------------- */

/*
 * x > 0 rounded half away from zero to `precision` significant digits: the
 * digits without trailing zeros, and the power of ten of the first one.
 */
static int real_digits(double x, int precision, char *digits, int *exp10)
{
    char buf[64];
    char *p = buf;
    int count = 0;
    bool carry;

    /* 30 significant digits: enough that rounding them again is not double rounding. */
    snprintf(buf, sizeof(buf), "%.29e", x);
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (is_digit((OLECHAR)(unsigned char)*p) && count < precision + 1)
            digits[count++] = *p;
    }
    *exp10 = (int)strtol(p + 1, NULL, 10);
    /* 30 digits were printed and precision + 1 kept: round off the last. */
    carry = digits[precision] >= '5';
    count = precision;
    for (int i = count - 1; carry && i >= 0; i--) {
        carry = digits[i] == '9';
        digits[i] = carry ? '0' : (char)(digits[i] + 1);
    }
    if (carry) {
        digits[0] = '1';
        (*exp10)++;
    }
    while (count > 1 && digits[count - 1] == '0')
        count--;
    digits[count] = '\0';
    return count;
}

/* oleaut32's "%G"-like output: fixed notation unless it would need more digits. */
static void format_real(double x, int precision, char *out, size_t cap)
{
    char digits[32];
    int count, exp10;
    char *p = out;

    if (x != x) {
        snprintf(out, cap, "NAN");
        return;
    }
    if (x > DBL_MAX || x < -DBL_MAX) {
        snprintf(out, cap, x < 0 ? "-INF" : "INF");
        return;
    }
    if (x == 0) {
        snprintf(out, cap, "0");
        return;
    }
    if (x < 0) {
        *p++ = '-';
        x = -x;
    }
    count = real_digits(x, precision, digits, &exp10);
    if (exp10 >= precision || (exp10 < 0 && -exp10 - 1 + count > precision)) {
        *p++ = digits[0];
        if (count > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)count - 1);
            p += count - 1;
        }
        snprintf(p, cap - (size_t)(p - out), "E%c%02d", exp10 < 0 ? '-' : '+',
                 exp10 < 0 ? -exp10 : exp10);
        return;
    }
    if (exp10 < 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 1; i < -exp10; i++)
            *p++ = '0';
        memcpy(p, digits, (size_t)count);
        p += count;
    } else {
        for (int i = 0; i <= exp10; i++)
            *p++ = i < count ? digits[i] : '0';
        if (count > exp10 + 1) {
            *p++ = '.';
            memcpy(p, digits + exp10 + 1, (size_t)(count - exp10 - 1));
            p += count - exp10 - 1;
        }
    }
    *p = '\0';
}

/* The digits a double keeps when it becomes a DECIMAL: those it would print. */
static void real_to_parsed(double x, int precision, parsed_num *out)
{
    char digits[32];
    int exp10;

    memset(out, 0, sizeof(*out));
    if (x == 0)
        return;
    out->negative = x < 0;
    out->count = real_digits(out->negative ? -x : x, precision, digits, &exp10);
    for (int i = 0; i < out->count; i++)
        out->digits[i] = (unsigned char)(digits[i] - '0');
    out->exponent = exp10 - out->count + 1;
}

/* ---- Dates ------------------------------------------------------------------ */

/*
 * Days from 1 Jan 1970 of a proleptic Gregorian date, by Hinnant's 400-year
 * era method; VT_DATE's years (100..9999) keep every intermediate positive.
 */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    int64_t era;
    unsigned yoe, doy, doe;

    y -= m <= 2;
    era = y / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
    int64_t era;
    unsigned doe, yoe, doy, mp;

    z += 719468;
    era = z / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)((int64_t)yoe + era * 400 + (*m <= 2));
}

static bool is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(int y, unsigned m)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return days[m - 1] + (m == 2 && is_leap_year(y));
}

static bool is_valid_date_value(double date)
{
    return date > DATE_MIN - 1 && date < DATE_MAX + 1;
}

/*
 * The en-US form oleaut32 gives. The day part is truncated toward zero and
 * the time is the absolute fraction, so -1.25 is 12/29/1899 6:00:00 AM.
 */
static HRESULT format_date(double date, char *out, size_t cap)
{
    int64_t day, seconds;
    double fraction;
    unsigned month, mday;
    int year, hour;
    size_t len = 0;

    if (!is_valid_date_value(date))
        return E_INVALIDARG;
    day = (int64_t)date;
    fraction = date - (double)day;
    if (fraction < 0)
        fraction = -fraction;
    seconds = (int64_t)(fraction * SECONDS_PER_DAY + 0.5);
    if (seconds >= SECONDS_PER_DAY) {
        seconds -= SECONDS_PER_DAY;
        day++;
    }
    civil_from_days(day + OLE_EPOCH_UNIX_DAY, &year, &month, &mday);
    out[0] = '\0';
    if (day != 0)
        len = (size_t)snprintf(out, cap, "%u/%u/%d", month, mday, year);
    if (seconds != 0 || day == 0) {
        hour = (int)(seconds / 3600);
        snprintf(out + len, cap - len, "%s%d:%02d:%02d %s", len ? " " : "",
                 hour % 12 ? hour % 12 : 12, (int)(seconds / 60 % 60), (int)(seconds % 60),
                 hour < 12 ? "AM" : "PM");
    }
    return S_OK;
}

/* Reads 1..max_digits decimal digits; false for none, or for more than max_digits. */
static bool read_uint(const OLECHAR **s, int max_digits, int *value, int *digits)
{
    const OLECHAR *c = *s;

    *value = 0;
    for (*digits = 0; is_digit(*c) && *digits < max_digits; c++, (*digits)++)
        *value = *value * 10 + (*c - '0');
    if (*digits == 0 || is_digit(*c))
        return false;
    *s = c;
    return true;
}

static bool match_word(const OLECHAR **s, const char *word)
{
    const OLECHAR *c = *s;

    for (; *word; word++, c++) {
        OLECHAR lower = (*c >= 'A' && *c <= 'Z') ? (OLECHAR)(*c + ('a' - 'A')) : *c;

        if (lower != (OLECHAR)*word)
            return false;
    }
    *s = c;
    return true;
}

/* "H:MM" or "H:MM:SS", then an optional AM/PM; the seconds since midnight. */
static bool parse_time(const OLECHAR **s, int *seconds)
{
    int hour, minute, second = 0, digits;
    const OLECHAR *c = *s;

    if (!read_uint(&c, 2, &hour, &digits) || *c++ != ':' || !read_uint(&c, 2, &minute, &digits))
        return false;
    if (*c == ':') {
        c++;
        if (!read_uint(&c, 2, &second, &digits))
            return false;
    }
    *s = c;
    while (is_space(*c))
        c++;
    if (match_word(&c, "am") || match_word(&c, "a")) {
        if (hour == 12)
            hour = 0;
        *s = c;
    } else if (match_word(&c, "pm") || match_word(&c, "p")) {
        if (hour < 12)
            hour += 12;
        *s = c;
    }
    if (hour > 23 || minute > 59 || second > 59)
        return false;
    *seconds = (hour * 60 + minute) * 60 + second;
    return true;
}

/* "M/D/Y" or "Y-M-D" (either separator); the day number from 30 Dec 1899. */
static bool parse_calendar_date(const OLECHAR **s, int64_t *day)
{
    int first, second, third, first_digits, third_digits, digits, year;
    unsigned month, mday;
    const OLECHAR *c = *s;

    if (!read_uint(&c, 4, &first, &first_digits) || (*c != '/' && *c != '-'))
        return false;
    c++;
    if (!read_uint(&c, 2, &second, &digits) || (*c != '/' && *c != '-'))
        return false;
    c++;
    if (!read_uint(&c, 4, &third, &third_digits))
        return false;
    if (first_digits > 2) {
        year = first;
        month = (unsigned)second;
        mday = (unsigned)third;
    } else {
        month = (unsigned)first;
        mday = (unsigned)second;
        year = third;
        if (third_digits <= 2)
            year += year < 30 ? 2000 : 1900;
    }
    if (year < 100 || month < 1 || month > 12 || mday < 1 || mday > days_in_month(year, month))
        return false;
    *day = days_from_civil(year, month, mday) - OLE_EPOCH_UNIX_DAY;
    *s = c;
    return true;
}

static HRESULT parse_date(const OLECHAR *s, DATE *out)
{
    int64_t day = 0;
    int seconds = 0;
    double fraction;

    if (!s)
        return DISP_E_TYPEMISMATCH;
    while (is_space(*s))
        s++;
    if (parse_calendar_date(&s, &day)) {
        const OLECHAR *time = s;

        if (*time == 'T' || is_space(*time)) {
            while (*time == 'T' || is_space(*time))
                time++;
            if (*time && !parse_time(&time, &seconds))
                return DISP_E_TYPEMISMATCH;
            s = time;
        }
    } else if (!parse_time(&s, &seconds)) {
        return DISP_E_TYPEMISMATCH;
    }
    while (is_space(*s))
        s++;
    if (*s)
        return DISP_E_TYPEMISMATCH;
    fraction = (double)seconds / SECONDS_PER_DAY;
    *out = day >= 0 ? (double)day + fraction : (double)day - fraction;
    return S_OK;
}

/* ---- Sources ------------------------------------------------------------------ */

typedef enum { SOURCE_EXACT, SOURCE_REAL, SOURCE_TEXT } source_kind;

/* A by-value source in canonical form. */
typedef struct {
    source_kind kind;
    VARTYPE vt;
    exact_num exact;
    double real;
    const OLECHAR *text;
} source_value;

/* Fixed-width integer storage: the integer types, and VT_BOOL as a source. */
typedef struct {
    VARTYPE vt;
    unsigned char bytes;
    bool is_signed;
} integer_type;

static const integer_type integer_types[] = {
    {VT_I1, 1, true},   {VT_UI1, 1, false}, {VT_I2, 2, true},   {VT_UI2, 2, false},
    {VT_I4, 4, true},   {VT_UI4, 4, false}, {VT_INT, 4, true},  {VT_UINT, 4, false},
    {VT_I8, 8, true},   {VT_UI8, 8, false}, {VT_BOOL, 2, true},
};

static const integer_type *find_integer_type(VARTYPE vt)
{
    for (size_t i = 0; i < sizeof(integer_types) / sizeof(integer_types[0]); i++) {
        if (integer_types[i].vt == vt)
            return &integer_types[i];
    }
    return NULL;
}

static uint64_t width_mask(unsigned bytes)
{
    return bytes >= 8 ? UINT64_MAX : (UINT64_C(1) << (8 * bytes)) - 1;
}

static uint64_t load_bits(const VARIANT *v, unsigned bytes)
{
    switch (bytes) {
    case 1:
        return V_UI1(v);
    case 2:
        return V_UI2(v);
    case 4:
        return V_UI4(v);
    default:
        return V_UI8(v);
    }
}

static void store_bits(VARIANT *v, VARTYPE vt, unsigned bytes, uint64_t bits)
{
    switch (bytes) {
    case 1:
        V_UI1(v) = (BYTE)bits;
        break;
    case 2:
        V_UI2(v) = (USHORT)bits;
        break;
    case 4:
        V_UI4(v) = (ULONG)bits;
        break;
    default:
        V_UI8(v) = bits;
        break;
    }
    V_VT(v) = vt;
}

static HRESULT read_source(const VARIANT *v, source_value *out)
{
    const integer_type *type = find_integer_type(V_VT(v));

    memset(out, 0, sizeof(*out));
    out->vt = V_VT(v);
    out->kind = SOURCE_EXACT;
    if (type) {
        uint64_t bits = load_bits(v, type->bytes);
        bool negative = type->is_signed && ((bits >> (8 * type->bytes - 1)) & 1);

        exact_from_u64(&out->exact, negative,
                       negative ? (0 - bits) & width_mask(type->bytes) : bits, 0);
        return S_OK;
    }
    switch (V_VT(v)) {
    case VT_EMPTY:
        return S_OK;
    case VT_CY: {
        int64_t cy = V_CY(v).int64;

        exact_from_u64(&out->exact, cy < 0, cy < 0 ? 0 - (uint64_t)cy : (uint64_t)cy, CY_SCALE);
        return S_OK;
    }
    case VT_DECIMAL: {
        const DECIMAL *dec = &V_DECIMAL(v);

        if (dec->scale > DECIMAL_MAX_SCALE || (dec->sign & (BYTE)~DECIMAL_NEG))
            return E_INVALIDARG;
        out->exact.mag[0] = dec->Lo32;
        out->exact.mag[1] = dec->Mid32;
        out->exact.mag[2] = dec->Hi32;
        out->exact.scale = dec->scale;
        out->exact.negative = dec->sign != 0;
        return S_OK;
    }
    case VT_R4:
        out->kind = SOURCE_REAL;
        out->real = V_R4(v);
        return S_OK;
    case VT_R8:
    case VT_DATE:
        out->kind = SOURCE_REAL;
        out->real = V_R8(v);
        return S_OK;
    default:
        /* convert() sends nothing else: the last value source is VT_BSTR. */
        out->kind = SOURCE_TEXT;
        out->text = V_BSTR(v);
        return S_OK;
    }
}

/* The exact value of an exact or text source, with at most max_scale decimals. */
static HRESULT source_to_exact(const source_value *src, int max_scale, exact_num *out)
{
    parsed_num parsed;
    HRESULT hr;

    switch (src->kind) {
    case SOURCE_EXACT:
        *out = src->exact;
        return out->scale > max_scale ? exact_rescale(out, max_scale) : S_OK;
    case SOURCE_TEXT:
        hr = parse_number(src->text, &parsed);
        return FAILED(hr) ? hr : parsed_to_exact(&parsed, max_scale, out);
    default:
        real_to_parsed(src->real, src->vt == VT_R4 ? R4_DIGITS : R8_DIGITS, &parsed);
        return parsed_to_exact(&parsed, max_scale, out);
    }
}

static HRESULT source_to_double(const source_value *src, double *out)
{
    parsed_num parsed;
    HRESULT hr;

    switch (src->kind) {
    case SOURCE_EXACT:
        *out = exact_to_double(&src->exact);
        return S_OK;
    case SOURCE_TEXT:
        hr = parse_number(src->text, &parsed);
        return FAILED(hr) ? hr : parsed_to_double(&parsed, out);
    default:
        *out = src->real;
        return S_OK;
    }
}

/* Rounds half to even; x is finite. */
static double round_half_even(double x)
{
    /* From 2^52 on, every double is an integer. */
    double limit = 4503599627370496.0, whole, fraction;

    if (x >= limit || x <= -limit)
        return x;
    whole = (double)(int64_t)x;
    fraction = x - whole;
    if (fraction > 0.5 || (fraction == 0.5 && (int64_t)whole % 2 != 0))
        return whole + 1;
    if (fraction < -0.5 || (fraction == -0.5 && (int64_t)whole % 2 != 0))
        return whole - 1;
    return whole;
}

/* A double rounded to an integer as a sign and a 64-bit magnitude. */
static HRESULT real_to_integer(double x, bool *negative, uint64_t *magnitude)
{
    const double two_to_64 = 18446744073709551616.0;

    /* Near 2^64 every double is an integer, so rounding cannot leave the range. */
    if (!(x > -two_to_64 && x < two_to_64))
        return DISP_E_OVERFLOW;
    x = round_half_even(x);
    *negative = x < 0;
    *magnitude = (uint64_t)(*negative ? -x : x);
    return S_OK;
}

/* ---- Targets ------------------------------------------------------------------ */

/* How an integer target treats values outside its range. */
typedef enum {
    WRAP_NEVER,   /* DISP_E_OVERFLOW */
    WRAP_ALWAYS,  /* keep the low bits, as oleaut32 does from VT_BOOL and VT_UINT -> VT_I4 */
    WRAP_IF_FITS, /* "&HFFFF" is -1 as a VT_I2: wrap what fits the width unsigned */
} wrap_mode;

static wrap_mode wrap_mode_of(VARTYPE from, VARTYPE to)
{
    if (from == VT_BOOL || (from == VT_UINT && (to == VT_I4 || to == VT_INT)))
        return WRAP_ALWAYS;
    return WRAP_NEVER;
}

static HRESULT to_integer(const source_value *src, VARTYPE vt, USHORT flags, VARIANT *out)
{
    const integer_type *type = find_integer_type(vt);
    uint64_t mask = width_mask(type->bytes), magnitude, limit;
    wrap_mode wrap = wrap_mode_of(src->vt, vt);
    exact_num exact;
    parsed_num parsed;
    bool negative;
    HRESULT hr;

    (void)flags;
    if (src->kind == SOURCE_REAL) {
        hr = real_to_integer(src->real, &negative, &magnitude);
    } else {
        if (src->kind == SOURCE_TEXT) {
            hr = parse_number(src->text, &parsed);
            if (FAILED(hr))
                return hr;
            if (parsed.is_radix && type->is_signed)
                wrap = WRAP_IF_FITS;
            hr = parsed_to_exact(&parsed, 0, &exact);
        } else {
            hr = source_to_exact(src, 0, &exact);
        }
        if (FAILED(hr))
            return hr;
        if (!exact_to_u64(&exact, &magnitude))
            return DISP_E_OVERFLOW;
        negative = exact.negative && magnitude;
    }
    if (FAILED(hr))
        return hr;
    if (wrap == WRAP_ALWAYS || (wrap == WRAP_IF_FITS && magnitude <= mask)) {
        store_bits(out, vt, type->bytes, (negative ? 0 - magnitude : magnitude) & mask);
        return S_OK;
    }
    limit = type->is_signed ? (mask >> 1) + negative : (negative ? 0 : mask);
    if (magnitude > limit)
        return DISP_E_OVERFLOW;
    store_bits(out, vt, type->bytes, (negative ? 0 - magnitude : magnitude) & mask);
    return S_OK;
}

static bool is_text(const OLECHAR *s, const char *word, bool any_case)
{
    const OLECHAR *c = s;

    if (!s)
        return false;
    if (any_case)
        return match_word(&c, word) && !*c;
    for (; *word; word++, c++) {
        if (*c != (OLECHAR)*word)
            return false;
    }
    return !*c;
}

static HRESULT to_bool(const source_value *src, VARTYPE vt, USHORT flags, VARIANT *out)
{
    bool value;
    double real;
    HRESULT hr;

    (void)flags;
    if (src->kind == SOURCE_EXACT) {
        value = !mag_is_zero(src->exact.mag);
    } else if (src->kind == SOURCE_TEXT && (is_text(src->text, "#TRUE#", false) ||
                                            is_text(src->text, "true", true))) {
        value = true;
    } else if (src->kind == SOURCE_TEXT && (is_text(src->text, "#FALSE#", false) ||
                                            is_text(src->text, "false", true))) {
        value = false;
    } else {
        hr = source_to_double(src, &real);
        if (FAILED(hr))
            return hr;
        value = real != 0;
    }
    V_VT(out) = vt;
    V_BOOL(out) = value ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}

/* VT_R4, VT_R8 and VT_DATE: a double with the target's range. */
static HRESULT to_real(const source_value *src, VARTYPE vt, USHORT flags, VARIANT *out)
{
    double value;
    HRESULT hr;

    (void)flags;
    if (vt == VT_DATE && src->kind == SOURCE_TEXT)
        hr = parse_date(src->text, &value);
    else
        hr = source_to_double(src, &value);
    if (FAILED(hr))
        return hr;
    if (vt == VT_R4) {
        if (value > FLT_MAX || value < -FLT_MAX)
            return DISP_E_OVERFLOW;
        V_R4(out) = (FLOAT)value;
    } else if (vt == VT_DATE) {
        if (!is_valid_date_value(value))
            return DISP_E_OVERFLOW;
        V_DATE(out) = value;
    } else {
        V_R8(out) = value;
    }
    V_VT(out) = vt;
    return S_OK;
}

static HRESULT to_currency(const source_value *src, VARTYPE vt, USHORT flags, VARIANT *out)
{
    const double two_to_63 = 9223372036854775808.0;
    uint64_t magnitude;
    exact_num exact;
    HRESULT hr;

    (void)flags;
    if (src->kind == SOURCE_REAL) {
        double scaled = src->real * 10000.0;

        /* As for integers, rounding cannot leave the range near 2^63. */
        if (!(scaled >= -two_to_63 && scaled < two_to_63))
            return DISP_E_OVERFLOW;
        V_CY(out).int64 = (LONGLONG)round_half_even(scaled);
        V_VT(out) = vt;
        return S_OK;
    }
    hr = source_to_exact(src, CY_SCALE, &exact);
    if (SUCCEEDED(hr))
        hr = exact_rescale(&exact, CY_SCALE);
    if (FAILED(hr))
        return hr;
    if (!exact_to_u64(&exact, &magnitude) || magnitude > (uint64_t)INT64_MAX + exact.negative)
        return DISP_E_OVERFLOW;
    V_CY(out).int64 = exact.negative ? (LONGLONG)(0 - magnitude) : (LONGLONG)magnitude;
    V_VT(out) = vt;
    return S_OK;
}

static HRESULT to_decimal(const source_value *src, VARTYPE vt, USHORT flags, VARIANT *out)
{
    exact_num exact;
    DECIMAL dec;
    HRESULT hr;

    (void)flags;
    hr = source_to_exact(src, DECIMAL_MAX_SCALE, &exact);
    if (FAILED(hr))
        return hr;
    memset(&dec, 0, sizeof(dec));
    dec.scale = (BYTE)exact.scale;
    dec.sign = exact.negative && !mag_is_zero(exact.mag) ? DECIMAL_NEG : 0;
    dec.Lo32 = exact.mag[0];
    dec.Mid32 = exact.mag[1];
    dec.Hi32 = exact.mag[2];
    /* DECIMAL overlays the whole VARIANT, type field included: set the type last. */
    V_DECIMAL(out) = dec;
    V_VT(out) = vt;
    return S_OK;
}

static HRESULT store_text(VARIANT *out, const char *text)
{
    size_t len = strlen(text);
    BSTR bstr = SysAllocStringLen(NULL, (UINT)len);

    if (!bstr)
        return E_OUTOFMEMORY;
    for (size_t i = 0; i < len; i++)
        bstr[i] = (OLECHAR)(unsigned char)text[i];
    V_VT(out) = VT_BSTR;
    V_BSTR(out) = bstr;
    return S_OK;
}

static HRESULT to_text(const source_value *src, VARTYPE vt, USHORT flags, VARIANT *out)
{
    char text[80];
    HRESULT hr;

    (void)vt;
    if (src->vt == VT_EMPTY) {
        text[0] = '\0';
    } else if (src->vt == VT_BOOL && (flags & (VARIANT_ALPHABOOL | VARIANT_LOCALBOOL))) {
        snprintf(text, sizeof(text), "%s", mag_is_zero(src->exact.mag) ? "False" : "True");
    } else if (src->vt == VT_DATE) {
        hr = format_date(src->real, text, sizeof(text));
        if (FAILED(hr))
            return hr;
    } else if (src->kind == SOURCE_REAL) {
        format_real(src->real, src->vt == VT_R4 ? R4_DIGITS : R8_DIGITS, text, sizeof(text));
    } else {
        exact_to_text(&src->exact, text);
    }
    return store_text(out, text);
}

typedef HRESULT (*value_converter)(const source_value *src, VARTYPE vt, USHORT flags,
                                   VARIANT *out);

static const struct {
    VARTYPE vt;
    value_converter convert;
} value_targets[] = {
    {VT_I1, to_integer},    {VT_UI1, to_integer}, {VT_I2, to_integer},   {VT_UI2, to_integer},
    {VT_I4, to_integer},    {VT_UI4, to_integer}, {VT_INT, to_integer},  {VT_UINT, to_integer},
    {VT_I8, to_integer},    {VT_UI8, to_integer}, {VT_BOOL, to_bool},    {VT_R4, to_real},
    {VT_R8, to_real},       {VT_DATE, to_real},   {VT_CY, to_currency},  {VT_DECIMAL, to_decimal},
    {VT_BSTR, to_text},
};

static value_converter find_value_target(VARTYPE vt)
{
    for (size_t i = 0; i < sizeof(value_targets) / sizeof(value_targets[0]); i++) {
        if (value_targets[i].vt == vt)
            return value_targets[i].convert;
    }
    return NULL;
}

/* ---- The matrix ----------------------------------------------------------------- */

/* Types VariantChangeType knows as targets; any other is DISP_E_BADVARTYPE. */
static bool is_known_target(VARTYPE vt)
{
    VARTYPE base = vt & VT_TYPEMASK;
    VARTYPE flags = vt & (VARTYPE)~VT_TYPEMASK;

    if (flags & (VARTYPE) ~(VT_ARRAY | VT_BYREF))
        return false;
    if (flags && base <= VT_NULL)
        return false;
    return base <= VT_DECIMAL || (base >= VT_I1 && base <= VT_UINT) || base == VT_RECORD;
}

/* By-value source types the matrix handles (arrays aside). */
static bool is_known_source(VARTYPE vt)
{
    return vt == VT_NULL || vt == VT_ERROR || vt == VT_DISPATCH || vt == VT_UNKNOWN ||
           vt == VT_EMPTY || find_value_target(vt);
}

/* The default property (DISPID_VALUE) of an object, converted. */
static HRESULT convert_default_value(VARIANT *out, IDispatch *disp, LCID lcid, USHORT flags,
                                     VARTYPE vt)
{
    DISPPARAMS no_args = {NULL, NULL, 0, 0};
    VARIANT value;
    HRESULT hr;

    if ((flags & VARIANT_NOVALUEPROP) || !disp)
        return DISP_E_TYPEMISMATCH;
    VariantInit(&value);
    hr = IDispatch_Invoke(disp, DISPID_VALUE, &IID_NULL, lcid, DISPATCH_PROPERTYGET, &no_args,
                          &value, NULL, NULL);
    if (FAILED(hr))
        return hr;
    hr = VariantChangeTypeEx(out, &value, lcid, flags | VARIANT_NOVALUEPROP, vt);
    VariantClear(&value);
    return hr;
}

/* VT_ARRAY|VT_UI1 <-> VT_BSTR carry raw bytes; no other conversion involves arrays. */
static HRESULT convert_array(VARIANT *out, const VARIANT *from, VARTYPE vt)
{
    if (V_VT(from) == (VT_ARRAY | VT_UI1) && vt == VT_BSTR) {
        SAFEARRAY *psa = V_ARRAY(from);
        uint64_t count = psa ? 1 : 0;
        BSTR bstr;

        /* A NULL array is an empty one, as a NULL BSTR is an empty string. */
        for (USHORT i = 0; psa && i < psa->cDims && count <= UINT32_MAX; i++)
            count *= psa->rgsabound[i].cElements;
        if (count > UINT32_MAX)
            return E_OUTOFMEMORY;
        bstr = SysAllocStringByteLen(count ? psa->pvData : NULL, (UINT)count);
        if (!bstr)
            return E_OUTOFMEMORY;
        V_VT(out) = VT_BSTR;
        V_BSTR(out) = bstr;
        return S_OK;
    }
    if (V_VT(from) == VT_BSTR && vt == (VT_ARRAY | VT_UI1)) {
        BSTR bstr = V_BSTR(from);
        ULONG count = bstr ? SysStringByteLen(bstr) : 0;
        SAFEARRAY *psa = SafeArrayCreateVector(VT_UI1, 0, count);

        if (!psa)
            return E_OUTOFMEMORY;
        if (count)
            memcpy(psa->pvData, bstr, count);
        V_VT(out) = vt;
        V_ARRAY(out) = psa;
        return S_OK;
    }
    return DISP_E_TYPEMISMATCH;
}

/* Converts the by-value from into out (VT_EMPTY); the types differ. */
static HRESULT convert(VARIANT *out, const VARIANT *from, LCID lcid, USHORT flags, VARTYPE vt)
{
    VARTYPE src_vt = V_VT(from);
    value_converter to_value;
    source_value value;
    HRESULT hr;

    if ((src_vt & VT_ARRAY) || (vt & VT_ARRAY))
        return convert_array(out, from, vt);
    if (!is_known_source(src_vt))
        return DISP_E_BADVARTYPE;
    switch (vt) {
    case VT_EMPTY:
    case VT_NULL:
        if (src_vt == VT_NULL || src_vt == VT_ERROR)
            return DISP_E_TYPEMISMATCH;
        V_VT(out) = vt;
        return S_OK;
    case VT_DISPATCH:
        if (src_vt != VT_UNKNOWN)
            return DISP_E_TYPEMISMATCH;
        if (!V_UNKNOWN(from)) {
            V_VT(out) = VT_DISPATCH;
            V_DISPATCH(out) = NULL;
            return S_OK;
        }
        hr = IUnknown_QueryInterface(V_UNKNOWN(from), &IID_IDispatch, (void **)&V_DISPATCH(out));
        if (SUCCEEDED(hr))
            V_VT(out) = VT_DISPATCH;
        return hr;
    case VT_UNKNOWN:
        if (src_vt != VT_DISPATCH)
            return DISP_E_TYPEMISMATCH;
        /* An IDispatch is an IUnknown: oleaut32 keeps the same pointer. */
        V_VT(out) = VT_UNKNOWN;
        V_UNKNOWN(out) = (IUnknown *)V_DISPATCH(from);
        if (V_UNKNOWN(out))
            IUnknown_AddRef(V_UNKNOWN(out));
        return S_OK;
    default:
        break;
    }
    to_value = find_value_target(vt);
    if (!to_value || src_vt == VT_NULL || src_vt == VT_ERROR || src_vt == VT_UNKNOWN)
        return DISP_E_TYPEMISMATCH;
    if (src_vt == VT_DISPATCH)
        return convert_default_value(out, V_DISPATCH(from), lcid, flags, vt);
    hr = read_source(from, &value);
    if (FAILED(hr))
        return hr;
    return to_value(&value, vt, flags, out);
}

/*
 * The same type is a VariantCopy; a by-reference source is followed first; the
 * LCID selects nothing (see the top of this file).
 */
CCW_API HRESULT STDAPICALLTYPE VariantChangeTypeEx(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc,
                                                   LCID lcid, USHORT wFlags, VARTYPE vt)
{
    VARIANT result, referenced;
    HRESULT hr;

    if (!pvargDest || !pvarSrc)
        return E_INVALIDARG;
    if (!is_known_target(vt))
        return DISP_E_BADVARTYPE;
    VariantInit(&result);
    if (V_VT(pvarSrc) == vt) {
        hr = VariantCopy(&result, pvarSrc);
    } else if (vt & VT_BYREF) {
        hr = DISP_E_TYPEMISMATCH;
    } else if (V_VT(pvarSrc) & VT_BYREF) {
        if (!V_BYREF(pvarSrc))
            return DISP_E_TYPEMISMATCH;
        VariantInit(&referenced);
        hr = VariantCopyInd(&referenced, pvarSrc);
        if (SUCCEEDED(hr)) {
            hr = V_VT(&referenced) == vt ? VariantCopy(&result, &referenced)
                                         : convert(&result, &referenced, lcid, wFlags, vt);
            VariantClear(&referenced);
        }
    } else {
        hr = convert(&result, pvarSrc, lcid, wFlags, vt);
    }
    if (FAILED(hr))
        return hr;
    /* Only now is the destination released: on failure it is left as it was. */
    hr = VariantClear(pvargDest);
    if (FAILED(hr)) {
        VariantClear(&result);
        return hr;
    }
    *pvargDest = result;
    return S_OK;
}

/* VariantChangeTypeEx for the user's locale. */
CCW_API HRESULT STDAPICALLTYPE VariantChangeType(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc,
                                                 USHORT wFlags, VARTYPE vt)
{
    return VariantChangeTypeEx(pvargDest, pvarSrc, LOCALE_USER_DEFAULT, wFlags, vt);
}
