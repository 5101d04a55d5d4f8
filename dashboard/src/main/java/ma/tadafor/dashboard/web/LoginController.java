package ma.tadafor.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, in French or Arabic. A wrong password and a throttled account get the same
 * message: telling them apart would tell a stranger which accounts are being guessed at.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
