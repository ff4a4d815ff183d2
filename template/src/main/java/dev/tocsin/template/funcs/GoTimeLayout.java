package dev.tocsin.template.funcs;

import dev.tocsin.template.FunctionException;
import dev.tocsin.template.fmt.GoFmt;
import dev.tocsin.template.value.GoTime;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go's reference-time layouts ({@code 2006-01-02T15:04:05Z07:00}) for {@code time.Format} and
 * {@code time.Parse}, as sprig's {@code date} and {@code toDate} use them.
 */
public final class GoTimeLayout {
  private GoTimeLayout() {}

  private enum Std {
    LITERAL, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
    YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
    LONG_YEAR, YEAR, PM, LOWER_PM, TZ, ISO_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ,
    NUM_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ, FRAC_ZERO, FRAC_NINE
  }

  private record Chunk(Std std, String text, int digits) {}

  private static List<Chunk> chunks(String layout) {
    List<Chunk> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    int n = layout.length();
    while (i < n) {
      Std std = null;
      int len = 0;
      int digits = 0;
      String rest = layout.substring(i);
      char c = layout.charAt(i);
      switch (c) {
        case 'J' -> {
          if (rest.startsWith("January")) {
            std = Std.LONG_MONTH;
            len = 7;
          } else if (rest.startsWith("Jan")) {
            std = Std.MONTH;
            len = 3;
          }
        }
        case 'M' -> {
          if (rest.startsWith("Monday")) {
            std = Std.LONG_WEEKDAY;
            len = 6;
          } else if (rest.startsWith("Mon")) {
            std = Std.WEEKDAY;
            len = 3;
          } else if (rest.startsWith("MST")) {
            std = Std.TZ;
            len = 3;
          }
        }
        case '0' -> {
          if (rest.startsWith("002")) {
            std = Std.ZERO_YEAR_DAY;
            len = 3;
          } else if (rest.length() >= 2 && rest.charAt(1) >= '1' && rest.charAt(1) <= '6') {
            std = switch (rest.charAt(1)) {
              case '1' -> Std.ZERO_MONTH;
              case '2' -> Std.ZERO_DAY;
              case '3' -> Std.ZERO_HOUR12;
              case '4' -> Std.ZERO_MINUTE;
              case '5' -> Std.ZERO_SECOND;
              default -> Std.YEAR;
            };
            len = 2;
          }
        }
        case '1' -> {
          if (rest.startsWith("15")) {
            std = Std.HOUR;
            len = 2;
          } else {
            std = Std.NUM_MONTH;
            len = 1;
          }
        }
        case '2' -> {
          if (rest.startsWith("2006")) {
            std = Std.LONG_YEAR;
            len = 4;
          } else {
            std = Std.DAY;
            len = 1;
          }
        }
        case '_' -> {
          if (rest.startsWith("_2006")) {
            lit.append('_');
            i++;
            continue;
          } else if (rest.startsWith("__2")) {
            std = Std.YEAR_DAY;
            len = 3;
          } else if (rest.startsWith("_2")) {
            std = Std.UNDER_DAY;
            len = 2;
          }
        }
        case '3' -> {
          std = Std.HOUR12;
          len = 1;
        }
        case '4' -> {
          std = Std.MINUTE;
          len = 1;
        }
        case '5' -> {
          std = Std.SECOND;
          len = 1;
        }
        case 'P' -> {
          if (rest.startsWith("PM")) {
            std = Std.PM;
            len = 2;
          }
        }
        case 'p' -> {
          if (rest.startsWith("pm")) {
            std = Std.LOWER_PM;
            len = 2;
          }
        }
        case '-', 'Z' -> {
          boolean iso = c == 'Z';
          if (rest.startsWith(c + "070000")) {
            std = iso ? Std.ISO_SECONDS_TZ : Std.NUM_SECONDS_TZ;
            len = 7;
          } else if (rest.startsWith(c + "07:00:00")) {
            std = iso ? Std.ISO_COLON_SECONDS_TZ : Std.NUM_COLON_SECONDS_TZ;
            len = 9;
          } else if (rest.startsWith(c + "0700")) {
            std = iso ? Std.ISO_TZ : Std.NUM_TZ;
            len = 5;
          } else if (rest.startsWith(c + "07:00")) {
            std = iso ? Std.ISO_COLON_TZ : Std.NUM_COLON_TZ;
            len = 6;
          } else if (rest.startsWith(c + "07")) {
            std = iso ? Std.ISO_SHORT_TZ : Std.NUM_SHORT_TZ;
            len = 3;
          }
        }
        case '.', ',' -> {
          if (rest.length() > 1 && (rest.charAt(1) == '0' || rest.charAt(1) == '9')) {
            char d = rest.charAt(1);
            int j = 1;
            while (j < rest.length() && rest.charAt(j) == d) {
              j++;
            }
            if (!(j < rest.length() && Character.isDigit(rest.charAt(j)))) {
              std = d == '0' ? Std.FRAC_ZERO : Std.FRAC_NINE;
              len = j;
              digits = j - 1;
            }
          }
        }
        default -> {}
      }
      if (std == null) {
        lit.append(c);
        i++;
        continue;
      }
      if (lit.length() > 0) {
        out.add(new Chunk(Std.LITERAL, lit.toString(), 0));
        lit.setLength(0);
      }
      out.add(new Chunk(std, layout.substring(i, i + len), digits));
      i += len;
    }
    if (lit.length() > 0) {
      out.add(new Chunk(Std.LITERAL, lit.toString(), 0));
    }
    return out;
  }

  private static String pad(long v, int width) {
    String s = Long.toString(Math.abs(v));
    StringBuilder sb = new StringBuilder();
    if (v < 0) {
      sb.append('-');
    }
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s).toString();
  }

  /** Go's {@code t.Format(layout)}. */
  public static String format(GoTime time, String layout) {
    ZonedDateTime t = time.zoned();
    StringBuilder sb = new StringBuilder();
    int offset = t.getOffset().getTotalSeconds();
    for (Chunk ch : chunks(layout)) {
      switch (ch.std()) {
        case LITERAL -> sb.append(ch.text());
        case LONG_MONTH -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case MONTH -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case NUM_MONTH -> sb.append(t.getMonthValue());
        case ZERO_MONTH -> sb.append(pad(t.getMonthValue(), 2));
        case LONG_WEEKDAY -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case WEEKDAY -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case DAY -> sb.append(t.getDayOfMonth());
        case UNDER_DAY -> sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
        case ZERO_DAY -> sb.append(pad(t.getDayOfMonth(), 2));
        case YEAR_DAY -> sb.append(String.format("%3d", t.getDayOfYear()));
        case ZERO_YEAR_DAY -> sb.append(pad(t.getDayOfYear(), 3));
        case HOUR -> sb.append(pad(t.getHour(), 2));
        case HOUR12 -> sb.append(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
        case ZERO_HOUR12 -> sb.append(pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2));
        case MINUTE -> sb.append(t.getMinute());
        case ZERO_MINUTE -> sb.append(pad(t.getMinute(), 2));
        case SECOND -> sb.append(t.getSecond());
        case ZERO_SECOND -> sb.append(pad(t.getSecond(), 2));
        case LONG_YEAR -> sb.append(pad(t.getYear(), 4));
        case YEAR -> sb.append(pad(Math.floorMod(t.getYear(), 100), 2));
        case PM -> sb.append(t.getHour() >= 12 ? "PM" : "AM");
        case LOWER_PM -> sb.append(t.getHour() >= 12 ? "pm" : "am");
        case TZ -> sb.append(GoTime.zoneAbbreviation(t));
        case FRAC_ZERO, FRAC_NINE -> {
          String frac = pad(t.getNano(), 9).substring(0, ch.digits());
          if (ch.std() == Std.FRAC_NINE) {
            int end = frac.length();
            while (end > 0 && frac.charAt(end - 1) == '0') {
              end--;
            }
            if (end > 0) {
              sb.append(ch.text().charAt(0)).append(frac, 0, end);
            }
          } else {
            sb.append(ch.text().charAt(0)).append(frac);
          }
        }
        default -> {
          boolean iso = ch.std().name().startsWith("ISO");
          if (iso && offset == 0) {
            sb.append('Z');
            break;
          }
          int zone = offset / 60;
          int absoffs = Math.abs(offset);
          sb.append(zone < 0 ? '-' : '+');
          int z = Math.abs(zone);
          sb.append(pad(z / 60, 2));
          Std s = ch.std();
          boolean colon = s == Std.ISO_COLON_TZ || s == Std.NUM_COLON_TZ || s == Std.ISO_COLON_SECONDS_TZ
              || s == Std.NUM_COLON_SECONDS_TZ;
          boolean shortTz = s == Std.ISO_SHORT_TZ || s == Std.NUM_SHORT_TZ;
          if (!shortTz) {
            if (colon) {
              sb.append(':');
            }
            sb.append(pad(z % 60, 2));
          }
          if (s == Std.ISO_SECONDS_TZ || s == Std.NUM_SECONDS_TZ || s == Std.ISO_COLON_SECONDS_TZ
              || s == Std.NUM_COLON_SECONDS_TZ) {
            if (colon) {
              sb.append(':');
            }
            sb.append(pad(absoffs % 60, 2));
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Go's {@code time.ParseInLocation(layout, value, zone)}.
   *
   * @throws FunctionException with a Go-like {@code parsing time ...} message
   */
  static GoTime parse(String layout, String value, ZoneId zone) {
    int year = 1;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    boolean pm = false;
    boolean pmSet = false;
    ZoneOffset offset = null;
    String v = value;
    for (Chunk ch : chunks(layout)) {
      String err = "parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse " + quote(v) + " as "
          + quote(ch.text());
      switch (ch.std()) {
        case LITERAL -> {
          if (!v.startsWith(ch.text())) {
            throw new FunctionException(err);
          }
          v = v.substring(ch.text().length());
        }
        case LONG_YEAR -> {
          if (v.length() < 4) {
            throw new FunctionException(err);
          }
          year = num(v.substring(0, 4), err);
          v = v.substring(4);
        }
        case YEAR -> {
          int y = num(take(v, 2, err), err);
          year = y >= 69 ? 1900 + y : 2000 + y;
          v = v.substring(2);
        }
        case MONTH, LONG_MONTH -> {
          boolean found = false;
          for (Month m : Month.values()) {
            String name = m.getDisplayName(ch.std() == Std.MONTH ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH);
            if (v.regionMatches(true, 0, name, 0, name.length())) {
              month = m.getValue();
              v = v.substring(name.length());
              found = true;
              break;
            }
          }
          if (!found) {
            throw new FunctionException(err);
          }
        }
        case WEEKDAY, LONG_WEEKDAY -> {
          boolean found = false;
          for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.getDisplayName(ch.std() == Std.WEEKDAY ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH);
            if (v.regionMatches(true, 0, name, 0, name.length())) {
              v = v.substring(name.length());
              found = true;
              break;
            }
          }
          if (!found) {
            throw new FunctionException(err);
          }
        }
        case NUM_MONTH, ZERO_MONTH, DAY, ZERO_DAY, UNDER_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND,
            ZERO_SECOND, YEAR_DAY, ZERO_YEAR_DAY -> {
          if (ch.std() == Std.UNDER_DAY && v.startsWith(" ")) {
            v = v.substring(1);
          }
          int j = 0;
          int max = ch.std() == Std.ZERO_YEAR_DAY || ch.std() == Std.YEAR_DAY ? 3 : 2;
          while (j < v.length() && j < max && Character.isDigit(v.charAt(j))) {
            j++;
          }
          if (j == 0) {
            throw new FunctionException(err);
          }
          int x = Integer.parseInt(v.substring(0, j));
          v = v.substring(j);
          switch (ch.std()) {
            case NUM_MONTH, ZERO_MONTH -> month = x;
            case DAY, ZERO_DAY, UNDER_DAY -> day = x;
            case HOUR, HOUR12, ZERO_HOUR12 -> hour = x;
            case MINUTE, ZERO_MINUTE -> minute = x;
            case SECOND, ZERO_SECOND -> {
              second = x;
              // Go accepts a fractional second after seconds even if the layout has none.
              if (v.length() > 1 && v.charAt(0) == '.' && Character.isDigit(v.charAt(1))) {
                int k = 1;
                while (k < v.length() && Character.isDigit(v.charAt(k))) {
                  k++;
                }
                nanos = fraction(v.substring(1, k));
                v = v.substring(k);
              }
            }
            default -> {}
          }
        }
        case PM, LOWER_PM -> {
          String p = take(v, 2, err).toUpperCase(Locale.ROOT);
          if (!p.equals("AM") && !p.equals("PM")) {
            throw new FunctionException(err);
          }
          pm = p.equals("PM");
          pmSet = true;
          v = v.substring(2);
        }
        case TZ -> {
          int j = 0;
          while (j < v.length() && Character.isUpperCase(v.charAt(j))) {
            j++;
          }
          if (j < 3) {
            throw new FunctionException(err);
          }
          String abbr = v.substring(0, j);
          if (abbr.equals("UTC") || abbr.equals("GMT")) {
            offset = ZoneOffset.UTC;
          }
          v = v.substring(j);
        }
        case FRAC_ZERO, FRAC_NINE -> {
          if (v.isEmpty() || (v.charAt(0) != '.' && v.charAt(0) != ',')) {
            if (ch.std() == Std.FRAC_NINE) {
              break;
            }
            throw new FunctionException(err);
          }
          int k = 1;
          while (k < v.length() && Character.isDigit(v.charAt(k))) {
            k++;
          }
          nanos = fraction(v.substring(1, k));
          v = v.substring(k);
        }
        default -> {
          if (ch.std().name().startsWith("ISO") && v.startsWith("Z")) {
            offset = ZoneOffset.UTC;
            v = v.substring(1);
            break;
          }
          if (v.isEmpty() || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
            throw new FunctionException(err);
          }
          int sign = v.charAt(0) == '-' ? -1 : 1;
          String digits = v.substring(1);
          int hh;
          int mm = 0;
          int consumed;
          if (digits.length() >= 5 && digits.charAt(2) == ':') {
            hh = num(digits.substring(0, 2), err);
            mm = num(digits.substring(3, 5), err);
            consumed = 6;
          } else if (digits.length() >= 4 && Character.isDigit(digits.charAt(2))
              && ch.std() != Std.ISO_SHORT_TZ && ch.std() != Std.NUM_SHORT_TZ) {
            hh = num(digits.substring(0, 2), err);
            mm = num(digits.substring(2, 4), err);
            consumed = 5;
          } else {
            hh = num(take(digits, 2, err), err);
            consumed = 3;
          }
          offset = ZoneOffset.ofTotalSeconds(sign * (hh * 3600 + mm * 60));
          v = v.substring(consumed);
        }
      }
    }
    if (!v.isEmpty()) {
      throw new FunctionException("parsing time " + quote(value) + ": extra text: " + quote(v));
    }
    if (pmSet) {
      if (pm && hour < 12) {
        hour += 12;
      } else if (!pm && hour == 12) {
        hour = 0;
      }
    }
    try {
      LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      ZonedDateTime z = offset != null ? ldt.atOffset(offset).atZoneSameInstant(offset) : ldt.atZone(zone);
      return new GoTime(z.toEpochSecond(), z.getNano(), false, offset != null ? offset : zone);
    } catch (java.time.DateTimeException e) {
      throw new FunctionException("parsing time " + quote(value) + ": " + e.getMessage());
    }
  }

  private static int fraction(String digits) {
    String d = (digits + "000000000").substring(0, 9);
    return Integer.parseInt(d);
  }

  private static String take(String v, int n, String err) {
    if (v.length() < n) {
      throw new FunctionException(err);
    }
    return v.substring(0, n);
  }

  private static int num(String s, String err) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        throw new FunctionException(err);
      }
    }
    return Integer.parseInt(s);
  }

  private static String quote(String s) {
    return GoFmt.quote(s);
  }
}
