package io.github.vapisessionwebhook.support;

/** A JVM that starts moto, prints its endpoint (or why it could not), then waits to be killed. */
public final class MotoHolder {

    private MotoHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            MotoServer server = MotoServer.start();
            System.out.println("endpoint " + server.endpoint());
        } catch (IllegalStateException e) {
            System.out.println("failed " + e.getMessage());
            return;
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
