package io.sriovagent.linux.ethtool;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A kernel stand-in: answers each exchange with the next scripted step (a reply to copy into the command
 * buffer, an errno, or "unavailable") and records which ethtool commands it was sent.
 */
final class ScriptedChannel implements EthtoolChannel {

    private final Deque<Step> steps = new ArrayDeque<>();
    final List<Integer> commandsSent = new ArrayList<>();
    final List<String> interfacesAsked = new ArrayList<>();
    int closes;

    private record Step(ByteBuffer reply, int errno, String unavailable) {
    }

    ScriptedChannel reply(ByteBuffer reply) {
        steps.add(new Step(reply, 0, null));
        return this;
    }

    ScriptedChannel fail(int errno) {
        steps.add(new Step(null, errno, null));
        return this;
    }

    ScriptedChannel unavailable(String reason) {
        steps.add(new Step(null, 0, reason));
        return this;
    }

    @Override
    public void exchange(String interfaceName, ByteBuffer command) throws ErrnoException, IoctlUnavailableException {
        commandsSent.add(command.getInt(0));
        interfacesAsked.add(interfaceName);
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError("unexpected ethtool command 0x" + Integer.toHexString(command.getInt(0)));
        }
        if (step.unavailable != null) {
            throw new IoctlUnavailableException(step.unavailable);
        }
        if (step.errno != 0) {
            throw new ErrnoException(step.errno);
        }
        int replyCommand = step.reply.getInt(0);
        if (replyCommand != command.getInt(0)) {
            throw new AssertionError("scripted reply is for 0x" + Integer.toHexString(replyCommand)
                    + ", asked 0x" + Integer.toHexString(command.getInt(0)));
        }
        if (step.reply.capacity() > command.capacity()) {
            throw new AssertionError("a " + step.reply.capacity() + "-byte reply would overrun the "
                    + command.capacity() + "-byte buffer");
        }
        command.put(0, step.reply, 0, step.reply.capacity());
    }

    boolean exhausted() {
        return steps.isEmpty();
    }

    @Override
    public void close() {
        closes++;
    }

    /** A copy of {@code reply} with the u32 at {@code offset} replaced: shows a count that changed. */
    static ByteBuffer withInt(ByteBuffer reply, int offset, int value) {
        ByteBuffer copy = ByteBuffer.wrap(reply.array().clone()).order(reply.order());
        copy.putInt(offset, value);
        return copy;
    }
}
