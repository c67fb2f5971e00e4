/**
 * The core words field messages to follow the field's name ("must be at least 12
 * characters"); under a labelled input they read as a sentence once capitalised.
 */
export function sentence(message: string): string {
  return message.length === 0 ? message : message[0]!.toUpperCase() + message.slice(1);
}
