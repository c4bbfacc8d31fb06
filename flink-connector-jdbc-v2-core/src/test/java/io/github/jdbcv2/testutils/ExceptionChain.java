package io.github.jdbcv2.testutils;

/** Checks on an exception and its causes, for tests asserting on errors a job or planner gave. */
public final class ExceptionChain {

    private ExceptionChain() {}

    /** The whole chain of {@code e}, one {@code SimpleName: message} a line. */
    public static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return all.toString();
    }

    /** Whether some exception of the chain of {@code e} is a {@code type}. */
    public static boolean contains(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
