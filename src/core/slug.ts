/** A title or message name made an id: `UserSignedUp` → `user-signed-up`, `Orders API` → `orders-api`. */
export const slugId = (title: string) =>
  title
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
