import { componentReviewSuite } from "./component-review-suite";

componentReviewSuite("postgres");
