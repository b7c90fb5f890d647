// The peers of skaz's name key, for tools/phonetic/compare.py: one name a line
// on stdin, three tab-separated fields a line on stdout (codes joined by |):
//   Beider-Morse (generic names, approximate rules, any language),
//   Beider-Morse (generic names, exact rules),
//   Daitch-Mokotoff soundex (every branch).
// Apache Commons Codec (Debian: libcommons-codec-java); run as a single-file
// source program: java -cp /usr/share/java/commons-codec.jar PhoneticCodes.java
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.language.DaitchMokotoffSoundex;
import org.apache.commons.codec.language.bm.BeiderMorseEncoder;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.RuleType;

public class PhoneticCodes {
  public static void main(String[] args) throws Exception {
    BeiderMorseEncoder approx = new BeiderMorseEncoder();
    approx.setNameType(NameType.GENERIC);
    approx.setRuleType(RuleType.APPROX);
    approx.setMaxPhonemes(64);
    BeiderMorseEncoder exact = new BeiderMorseEncoder();
    exact.setNameType(NameType.GENERIC);
    exact.setRuleType(RuleType.EXACT);
    exact.setMaxPhonemes(64);
    DaitchMokotoffSoundex dm = new DaitchMokotoffSoundex();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, "UTF-8");
    for (String line; (line = in.readLine()) != null; ) {
      out.print(safe(approx, line));
      out.print('\t');
      out.print(safe(exact, line));
      out.print('\t');
      out.println(dm.soundex(line));
    }
    out.flush();
  }

  // an encoder that gives up on a name yields no code (the name matches nothing)
  private static String safe(BeiderMorseEncoder e, String s) {
    try {
      return e.encode(s);
    } catch (Exception ex) {
      return "";
    }
  }
}
