/** Thrown for a request the generator cannot serve: it names the argument rather than guessing a default. */
export class GeneratorInputError extends Error {
  override readonly name = 'GeneratorInputError';
  constructor(
    readonly argument: 'mode' | 'difficulty',
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}
