package cn.gonggaigong.security;

/** A request the user may not make; answered with 403 and the reason, after nothing was changed. */
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String reason) {
        super(reason);
    }
}
