package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The JIT directive parses on this JVM (a typo would be refused by the JVM, and ignored by the command). */
class JitDirectivesTest {
  @Test
  void theJvmAcceptsTheDirectiveAndTestsKeepTheJitAsItIs() throws Exception {
    JitDirectives.trainingDone(); // not enabled outside Main: nothing happens
    try {
      assertThat(JitDirectives.apply()).hasValue("1 compiler directives added");
      assertThat(JitDirectives.apply(JitDirectives.EARLY)).hasValue("1 compiler directives added");
    } finally {
      // this JVM runs other tests that train: give C2 back
      for (int i = 0; i < 2; i++) {
        ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
            "compilerDirectivesRemove", new Object[] {new String[0]}, new String[] {String[].class.getName()});
      }
    }
  }
}
