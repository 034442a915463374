/** The composer on the studio home, by the labels of the selector contract. */
import { expect, type Locator, type Page } from "@playwright/test";

interface ComposerSettings {
  prompt?: string;
  model?: string;
  aspectRatio?: string;
  duration?: string;
  resolution?: string;
}

export class Composer {
  readonly form: Locator;
  readonly prompt: Locator;
  readonly model: Locator;
  readonly duration: Locator;
  readonly resolution: Locator;
  readonly aspectRatios: Locator;
  readonly image: Locator;
  readonly removeImage: Locator;
  readonly generateButton: Locator;
  /** Present only when remixing. */
  readonly parentId: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Composer" });
    this.prompt = this.form.getByLabel("Prompt", { exact: true });
    this.model = this.form.getByLabel("Model", { exact: true });
    this.duration = this.form.getByLabel("Duration", { exact: true });
    this.resolution = this.form.getByLabel("Resolution", { exact: true });
    this.aspectRatios = this.form.getByRole("radiogroup", { name: "Aspect ratio" });
    this.image = this.form.getByLabel("Image", { exact: true });
    this.removeImage = this.form.getByRole("button", { name: "Remove image" });
    this.generateButton = this.form.getByRole("button", { name: "Generate", exact: true });
    this.parentId = this.form.locator('input[name="parentId"]');
  }

  /** Goes to the studio home, unless the page is on it already (as sign-up leaves it). */
  async open(): Promise<this> {
    const here = new URL(this.page.url());
    if (here.pathname !== "/" || here.search) await this.page.goto("/");
    await expect(this.form).toHaveAttribute("data-hydrated", "true");
    return this;
  }

  aspectRatio(ratio: string): Locator {
    return this.aspectRatios.getByRole("radio", { name: ratio, exact: true });
  }

  /** Fills what is given; the model first, since it decides which other values exist. */
  async fill(settings: ComposerSettings): Promise<void> {
    // Typed before hydration, a value shows on the page but never reaches the form's state.
    await expect(this.form).toHaveAttribute("data-hydrated", "true");
    // Each control is read back before going on: React puts a controlled field back to the value it
    // last rendered until its re-render commits, and on a busy machine a click can land in between
    // (a Generate that sent the composer's first values while the page went on to show the typed ones).
    if (settings.model) await settled(this.model, () => this.model.selectOption(settings.model!), settings.model);
    if (settings.aspectRatio) await this.aspectRatio(settings.aspectRatio).check();
    if (settings.duration) await settled(this.duration, () => this.duration.selectOption(settings.duration!), settings.duration);
    if (settings.resolution) await settled(this.resolution, () => this.resolution.selectOption(settings.resolution!), settings.resolution);
    if (settings.prompt !== undefined) await settled(this.prompt, () => this.prompt.fill(settings.prompt!), settings.prompt);
  }

  /**
   * The role=alert error shown with a field: within the nearest ancestor of the control that holds
   * an alert, so a message elsewhere on the page does not count.
   */
  fieldError(control: Locator): Locator {
    return control.locator("xpath=ancestor::*[.//*[@role='alert']][1]").getByRole("alert");
  }
}

/** Sets a control and waits until the page holds the value (committed, not only typed). */
async function settled(control: Locator, set: () => Promise<unknown>, value: string): Promise<void> {
  await set();
  await expect(control).toHaveValue(value);
}
