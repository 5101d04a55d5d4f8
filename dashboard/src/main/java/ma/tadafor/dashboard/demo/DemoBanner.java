package ma.tadafor.dashboard.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page of the demo says that its people and figures are invented (the layout's banner). */
@ControllerAdvice
@Profile("demo")
class DemoBanner {

    @ModelAttribute("demoProfile")
    boolean demoProfile() {
        return true;
    }
}
